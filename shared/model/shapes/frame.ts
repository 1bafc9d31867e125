import { z } from 'zod';
import { MAX_FRAME_NAME_LENGTH } from '../limits';
import { baseShapeFields, sizeSchema } from './common';

/**
 * A named frame: the box (0, 0)–(w, h) that holds the shapes whose `frameId`
 * is its id (they move with it and are clipped to it). Its name is drawn above
 * its top-left corner. Frames draw below every other shape.
 */
export const frameShapeSchema = z.object({
  type: z.literal('frame'),
  ...baseShapeFields,
  w: sizeSchema,
  h: sizeSchema,
  name: z.string().max(MAX_FRAME_NAME_LENGTH),
});
export type FrameShape = z.infer<typeof frameShapeSchema>;

/**
 * What one client publishes about itself in y-protocols awareness (docs/ARCHITECTURE.md#awareness:
 * ephemeral collaboration state never touches the board doc). The relay
 * passes awareness through opaquely, so every client validates the states it
 * receives against this schema and ignores one that fails.
 */
import { z } from 'zod';
import {
  arrowShapeSchema,
  colorSchema,
  ellipseShapeSchema,
  imageShapeSchema,
  frameShapeSchema,
  lineShapeSchema,
  noteShapeSchema,
  penShapeSchema,
  rectShapeSchema,
  shapeIdSchema,
  textShapeSchema,
} from '../model';
import { MAX_COORDINATE } from '../model/limits';
import { MAX_NAME_LENGTH } from './limits';

export const PRESENCE_VERSION = 1;
/** A selection of more ids than this is published as its first ones: enough to outline, bounded in bytes. */
export const MAX_PRESENCE_SELECTION = 500;
/** Shapes in one in-progress gesture (a multi-shape drag) that are shown to others live. */
export const MAX_PRESENCE_GESTURE_SHAPES = 50;
/** Laser points in one presence state: the newest of the trail (renderer/presence/laser-trail.ts). */
export const MAX_PRESENCE_LASER_POINTS = 32;
export const MIN_ZOOM_SHARED = 0.01;
export const MAX_ZOOM_SHARED = 100;

const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);
const withoutIndex = { index: true } as const;

/** A shape as a gesture shows it: a draft that may not be in the doc yet, so no z-order index. */
export const draftShapeSchema = z.discriminatedUnion('type', [
  penShapeSchema.omit(withoutIndex),
  rectShapeSchema.omit(withoutIndex),
  ellipseShapeSchema.omit(withoutIndex),
  lineShapeSchema.omit(withoutIndex),
  arrowShapeSchema.omit(withoutIndex),
  textShapeSchema.omit(withoutIndex),
  noteShapeSchema.omit(withoutIndex),
  imageShapeSchema.omit(withoutIndex),
  frameShapeSchema.omit(withoutIndex),
]);

export const presenceUserSchema = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  color: colorSchema,
});
export type PresenceUser = z.infer<typeof presenceUserSchema>;

export const ACTIVITIES = ['active', 'idle', 'away'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const presenceStateSchema = z.object({
  v: z.literal(PRESENCE_VERSION),
  user: presenceUserSchema,
  /** Board coordinates; null while the pointer is off the canvas. */
  cursor: z.object({ x: coordinate, y: coordinate }).nullable(),
  selection: z.array(shapeIdSchema).max(MAX_PRESENCE_SELECTION),
  /**
   * The shapes of a gesture in progress, as they look now: a stroke being
   * drawn, shapes being dragged, resized or rotated. `replaces` names the doc
   * shapes they stand for (a transform), which others hide meanwhile.
   */
  gesture: z
    .object({
      shapes: z.array(draftShapeSchema).max(MAX_PRESENCE_GESTURE_SHAPES),
      replaces: z.array(shapeIdSchema).max(MAX_PRESENCE_GESTURE_SHAPES),
    })
    .nullable(),
  /** The board box this client's screen shows, for follow mode. */
  viewport: z
    .object({
      x: coordinate,
      y: coordinate,
      zoom: z.number().min(MIN_ZOOM_SHARED).max(MAX_ZOOM_SHARED),
      width: z.number().min(1).max(100_000),
      height: z.number().min(1).max(100_000),
    })
    .nullable(),
  activity: z.enum(ACTIVITIES),
  /** The awareness client id of the person this client follows. */
  following: z.number().int().nonnegative().nullable(),
  /**
   * The laser pointer (tool K) while it draws: the newest points of its trail
   * and how many it has drawn in all, so a receiver adds only new ones.
   * Optional: clients from before it publish none.
   */
  /** True while presenting frames full screen (renderer/ui/frames/Presentation.tsx); absent otherwise. */
  presenting: z.boolean().optional(),
  laser: z
    .object({
      seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      points: z.array(z.tuple([coordinate, coordinate])).max(MAX_PRESENCE_LASER_POINTS),
    })
    .nullable()
    .optional(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;
export type PresenceGesture = NonNullable<PresenceState['gesture']>;
export type PresenceViewport = NonNullable<PresenceState['viewport']>;
export type PresenceLaser = NonNullable<PresenceState['laser']>;

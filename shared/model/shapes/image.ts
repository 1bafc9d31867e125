import { z } from 'zod';
import { baseShapeFields, sizeSchema } from './common';

/** A file's SHA-256 as 64 lowercase hex digits: how the relay names the bytes of an image. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256_PATTERN, 'must be a SHA-256 as 64 lowercase hex digits');

/** The types an image shape may hold. SVG is rasterised to PNG before it gets here (never stored as SVG). */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];

/** Largest side of an image's pixels we accept (a browser's canvas and decoders stay well inside it). */
export const MAX_IMAGE_SIDE_PX = 16_384;

const naturalSideSchema = z.number().int().min(1).max(MAX_IMAGE_SIDE_PX);

/**
 * A picture drawn in the box (0, 0)–(w, h) before rotation. The bytes are never in the
 * doc (the relay refuses binary content there): `sha256` names the file the relay keeps
 * for the board (docs/ARCHITECTURE.md#board-model).
 */
export const imageShapeSchema = z.object({
  type: z.literal('image'),
  ...baseShapeFields,
  w: sizeSchema,
  h: sizeSchema,
  sha256: sha256Schema,
  naturalWidth: naturalSideSchema,
  naturalHeight: naturalSideSchema,
  mime: z.enum(IMAGE_MIME_TYPES),
});
export type ImageShape = z.infer<typeof imageShapeSchema>;

/**
 * Files on the relay (images on a board): blobs, not doc content. A file is
 * named by the SHA-256 of its bytes and belongs to one board; the doc's image
 * shape names the hash (docs/ARCHITECTURE.md#board-files).
 *
 *   PUT  /api/boards/:boardId/files/:sha256   body: the file's bytes (any Content-Type; the relay reads the type
 *                                             from the bytes) → 201 StoredFile, or 200 StoredFile when the board
 *                                             already had it (nothing written). Authorised like a `board:update`.
 *   GET  /api/boards/:boardId/files/:sha256   → the bytes, immutable for a year; 304 on If-None-Match.
 *   HEAD /api/boards/:boardId/files/:sha256   → 200 (headers only) or 404: upload only what the board lacks.
 *                                             GET and HEAD are authorised like a join of the board.
 *
 * Every request carries `Authorization: Bearer <token>`: the token the client
 * gives the socket (host token, `--token` or a pass); none on a relay that asks
 * for none. There is no token in the query: the client fetches with fetch()
 * and shows a blob URL, so a token never lands in a URL, a log or a Referer.
 *
 * A file belongs to the board it was uploaded to: pasting an image into another
 * board uploads it there too (HEAD first). The client writes the image shape
 * only after the PUT answered 201 or 200. Errors are `FileErrorBody`.
 */
import { z } from 'zod';
import { IMAGE_MIME_TYPES, MAX_IMAGE_SIDE_PX, sha256Schema } from '../model/shapes/image';
import { boardIdSchema, ERROR_CODES } from '../protocol';

/** Where a file lives on the relay (a path on the relay's own origin). */
export function filePath(boardId: string, sha256: string): string {
  return `/api/boards/${boardId}/files/${sha256}`;
}

/** The routes the relay answers for files: `[full match, boardId, sha256]`. */
export const FILE_PATH_PATTERN = /^\/api\/boards\/([^/]+)\/files\/([^/]+)$/;

/** A SHA-256 digest as the relay names files (and image shapes name them): 64 lowercase hex digits. */
export { sha256Schema };

export const fileParamsSchema = z.strictObject({ boardId: boardIdSchema, sha256: sha256Schema });
export type FileParams = z.infer<typeof fileParamsSchema>;

/**
 * What the relay stores, decided by the file's first bytes, never by a name or
 * a Content-Type. SVG is refused: it can carry script, and a raster of it is
 * what the board shows anyway, so the client rasterises SVG to PNG before uploading.
 */
export const ACCEPTED_IMAGE_TYPES = IMAGE_MIME_TYPES;
export const imageMimeSchema = z.enum(ACCEPTED_IMAGE_TYPES);
export type ImageMime = z.infer<typeof imageMimeSchema>;

/** One file's bytes, unless the relay is told otherwise (`--max-file-bytes`). */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Every file of one board together (`--max-board-file-bytes`). */
export const DEFAULT_MAX_BOARD_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Width × height of one image (`--max-image-pixels`): what a browser decodes
 * takes 4 bytes a pixel, so 50 megapixels is 200 MB of memory; a header claiming
 * more is a decompression bomb or more than anyone needs on a board.
 */
export const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;
/** Either side of an image, at most: what an image shape may name (shared/model/shapes/image.ts). */
export const MAX_IMAGE_SIDE = MAX_IMAGE_SIDE_PX;
/** A file no board names is deleted only this long after the relay first saw it unnamed (`--file-grace-seconds`). */
export const DEFAULT_FILE_GRACE_MS = 24 * 60 * 60 * 1000;

/** What a PUT answers (201 stored now, 200 stored before), and what HEAD's headers say. */
export const storedFileSchema = z.strictObject({
  ok: z.literal(true),
  sha256: sha256Schema,
  /** The type the relay found in the bytes: what GET answers as Content-Type. */
  mime: imageMimeSchema,
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/**
 * The protocol's codes where they fit (BAD_REQUEST, UNAUTHORIZED, FORBIDDEN,
 * TOO_LARGE, RATE_LIMITED, UNAVAILABLE, INTERNAL), and those only HTTP files need.
 */
export const FILE_ERROR_CODES = [
  ...ERROR_CODES.filter((code) => code !== 'NOT_JOINED' && code !== 'INVALID_UPDATE'),
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'HASH_MISMATCH',
  'UNSUPPORTED_TYPE',
  'TOO_MANY_PIXELS',
  'QUOTA_EXCEEDED',
] as const;
export const fileErrorCodeSchema = z.enum(FILE_ERROR_CODES);
export type FileErrorCode = z.infer<typeof fileErrorCodeSchema>;

/** The HTTP status that goes with each code. */
export const FILE_ERROR_STATUS: Readonly<Record<FileErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** The body is larger than one file may be. */
  TOO_LARGE: 413,
  /** The board's files would pass the board's quota. */
  QUOTA_EXCEEDED: 413,
  /** The bytes are not a PNG, JPEG, GIF or WebP (an SVG included), or their header names no size. */
  UNSUPPORTED_TYPE: 415,
  /** The bytes do not hash to the name in the URL. */
  HASH_MISMATCH: 422,
  /** The header claims more pixels than the relay accepts (a decompression bomb), or a side over MAX_IMAGE_SIDE. */
  TOO_MANY_PIXELS: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export const fileErrorBodySchema = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: fileErrorCodeSchema, message: z.string() }),
});
export type FileErrorBody = z.infer<typeof fileErrorBodySchema>;

/** Every answer of a PUT, for a client to parse once. */
export const putFileAnswerSchema = z.union([storedFileSchema, fileErrorBodySchema]);

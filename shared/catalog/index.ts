/**
 * The relay's board catalog over HTTP (desktop host only): which boards this
 * machine holds, their names, thumbnails and the trash. Requests carry
 * `Authorization: Bearer <hostToken>`; a relay without a host token has no
 * catalog (404), and any other token gets 401. Guests never see it.
 *
 *   GET    /api/boards                  → BoardSummary[] (newest first)
 *   GET    /api/boards/trash            → TrashedBoard[] (last deleted first)
 *   PATCH  /api/boards/:id   { name }   → BoardSummary (renamed live for everyone on it)
 *   DELETE /api/boards/:id              → TrashedBoard (files kept in the trash)
 *   POST   /api/boards/:id/restore      → BoardSummary (409 when the id is taken again)
 *   PUT    /api/boards/:id/thumbnail    (image/png body) → 204
 *   GET    /api/boards/:id/thumbnail    → image/png
 *
 * Errors are `{ ok: false, error: string }` with a fitting status.
 */
import { z } from 'zod';
import { boardNameSchema } from '../model/board-meta';
import { boardIdSchema } from '../protocol';

export const CATALOG_API_PATH = '/api/boards';
/** Largest thumbnail the relay stores (bytes). */
export const MAX_THUMBNAIL_BYTES = 256 * 1024;
/** Largest JSON request body (bytes); a rename is far smaller. */
export const MAX_CATALOG_JSON_BYTES = 16 * 1024;
/** Deleted boards stay restorable this long; the relay purges older ones when it starts. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** The first bytes of every PNG file. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export const boardSummarySchema = z.strictObject({
  id: boardIdSchema,
  /** null: the board has no name yet ("Untitled board"). */
  name: z.string().nullable(),
  /** ISO date of the last change the relay stored. */
  updatedAt: z.iso.datetime(),
  thumbnail: z.boolean(),
});
export type BoardSummary = z.infer<typeof boardSummarySchema>;
export const boardListSchema = z.array(boardSummarySchema);

export const trashedBoardSchema = z.strictObject({
  id: boardIdSchema,
  name: z.string().nullable(),
  deletedAt: z.iso.datetime(),
  thumbnail: z.boolean(),
});
export type TrashedBoard = z.infer<typeof trashedBoardSchema>;
export const trashListSchema = z.array(trashedBoardSchema);

export const renameRequestSchema = z.strictObject({ name: boardNameSchema });
export type RenameRequest = z.infer<typeof renameRequestSchema>;

export const catalogErrorSchema = z.object({ ok: z.literal(false), error: z.string() });

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

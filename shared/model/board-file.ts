/**
 * The `.easel` file: a board's shapes as JSON, for export, import and backup.
 *
 *   { "format": "easel", "version": 2, "name"?: string, "exportedAt": ISO date, "shapes": Shape[],
 *     "files"?: { [sha256]: { "mime": image type, "data": base64 } } }
 *
 * Version 2 embeds the files of the board's image shapes (board-file-images.ts), so a file
 * carries its pictures; version 1 (no `files`) still opens.
 *
 * Reading is forgiving where it can be: one bad shape (or a repeated id) is
 * skipped and reported, so a file damaged in one place still opens. What makes
 * the whole file unreadable (not JSON, not ours, from a newer Easel, no shapes)
 * is one clear error for the user.
 */
import { z } from 'zod';
import { compareZOrder } from './fractional-index';
import { describeIssues } from './issues';
import { MAX_BOARD_FILE_CHARS, MAX_BOARD_NAME_LENGTH } from './limits';
import { parseShape, type Shape } from './shapes';
import { decodeEmbeddedFiles, type EmbeddedFile, encodeEmbeddedFiles } from './board-file-images';

export type { EmbeddedFile } from './board-file-images';

export const BOARD_FILE_FORMAT = 'easel';
export const BOARD_FILE_VERSION = 2;
/** Every version this reader opens: 1 had no embedded files. */
export type BoardFileVersion = 1 | 2;
export const BOARD_FILE_EXTENSION = '.easel';

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT;
  version: BoardFileVersion;
  name?: string;
  /** When the file was written, as an ISO 8601 date-time. */
  exportedAt: string;
  shapes: Shape[];
  /** The image files it embeds (version 2), decoded: not yet checked against their SHA-256. */
  files?: EmbeddedFile[];
}

export interface BoardFileMeta {
  name?: string;
  /** Defaults to now. */
  exportedAt?: Date;
}

export interface SkippedShape {
  /** Position in the file's `shapes` array. */
  index: number;
  error: string;
}

export type DecodeBoardFileResult =
  { ok: true; file: BoardFile; skipped: SkippedShape[]; skippedFiles: string[] } | { ok: false; error: string };

/** Shapes go out in z-order, so a file diffs and reads in the order they draw; `files` are embedded as base64. */
export function encodeBoardFile(
  shapes: readonly Shape[],
  meta: BoardFileMeta = {},
  files: readonly EmbeddedFile[] = [],
): string {
  return JSON.stringify({
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    ...(meta.name === undefined ? {} : { name: meta.name }),
    exportedAt: (meta.exportedAt ?? new Date()).toISOString(),
    shapes: [...shapes].sort(compareZOrder),
    ...(files.length === 0 ? {} : { files: encodeEmbeddedFiles(files) }),
  });
}

const megabytesOf = (chars: number) => Math.round(chars / (1024 * 1024));

/** Why a board encoded as `text` cannot be saved (a file Easel would not open again), or null. */
export function boardFileTooLarge(text: string, maxChars = MAX_BOARD_FILE_CHARS): string | null {
  if (text.length <= maxChars) return null;
  return (
    `the board file would be ${megabytesOf(text.length)} MB, more than the ${megabytesOf(maxChars)} MB ` +
    'Easel opens; its images take most of it: remove some and save again'
  );
}

// Checked one step at a time, so each way of being wrong gets its own message.
const formatSchema = z.object({ format: z.literal(BOARD_FILE_FORMAT) });
const versionSchema = z.object({ version: z.number().int().positive() });
const shapesSchema = z.object({ shapes: z.array(z.unknown()) });
const metaSchema = z.object({
  name: z.string().max(MAX_BOARD_NAME_LENGTH).optional(),
  exportedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }),
});

export function decodeBoardFile(text: string, maxChars = MAX_BOARD_FILE_CHARS): DecodeBoardFileResult {
  if (text.length > maxChars) return fail(`the file is too large (more than ${megabytesOf(maxChars)} MB)`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!formatSchema.safeParse(json).success) return fail('this is not an Easel board file');
  const version = versionSchema.safeParse(json);
  if (!version.success) return fail('the file has no valid format version');
  if (version.data.version > BOARD_FILE_VERSION) {
    return fail(`this board was made by a newer Easel (version ${version.data.version}); update Easel to open it`);
  }
  const content = shapesSchema.safeParse(json);
  if (!content.success) return fail('the file has no shapes array');
  const meta = metaSchema.safeParse(json);
  if (!meta.success) return fail(describeIssues(meta.error, 'file'));

  const { shapes, skipped } = readShapes(content.data.shapes);
  const { name, exportedAt } = meta.data;
  const embedded = version.data.version >= 2 ? decodeEmbeddedFiles((json as { files?: unknown }).files) : null;
  const file: BoardFile = {
    format: BOARD_FILE_FORMAT,
    version: version.data.version === 1 ? 1 : 2,
    ...(name === undefined ? {} : { name }),
    exportedAt,
    shapes,
    ...(embedded && embedded.files.length > 0 ? { files: embedded.files } : {}),
  };
  return { ok: true, file, skipped, skippedFiles: embedded?.skipped ?? [] };
}

function readShapes(values: readonly unknown[]): { shapes: Shape[]; skipped: SkippedShape[] } {
  const shapes: Shape[] = [];
  const skipped: SkippedShape[] = [];
  const firstSeenAt = new Map<string, number>();
  values.forEach((value, index) => {
    const parsed = parseShape(value);
    const first = parsed.ok ? firstSeenAt.get(parsed.shape.id) : undefined;
    if (!parsed.ok) skipped.push({ index, error: parsed.error });
    else if (first !== undefined) {
      skipped.push({ index, error: `id: ${JSON.stringify(parsed.shape.id)} is already used by shapes[${first}]` });
    } else {
      firstSeenAt.set(parsed.shape.id, index);
      shapes.push(parsed.shape);
    }
  });
  return { shapes, skipped };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/**
 * A board's own properties, kept in its Y.Doc next to the shapes so every
 * participant sees them and a `.easel` export carries them: the root map
 * `meta`, key `name`.
 *
 * The relay treats updates as opaque (docs/ARCHITECTURE.md#board-model), so a peer could still write
 * a name that is not a string or is too long. Every reader goes through
 * `readBoardName`, which ignores such a value, and every writer through
 * `boardNameSchema`.
 */
import { z } from 'zod';
import { MAX_BOARD_NAME_LENGTH } from './limits';

export const BOARD_META_MAP = 'meta';
export const BOARD_NAME_KEY = 'name';
/** What a board without a name is called wherever a name is shown. */
export const UNTITLED_BOARD_NAME = 'Untitled board';

/** A name as the user types it: surrounding blanks trimmed, not empty, not too long, no line breaks. */
export const boardNameSchema = z
  .string()
  .trim()
  .min(1, 'a board name cannot be empty')
  .max(MAX_BOARD_NAME_LENGTH, `a board name has at most ${MAX_BOARD_NAME_LENGTH} characters`)
  .refine((name) => !hasControlCharacter(name), 'a board name cannot hold line breaks or control characters');

function hasControlCharacter(text: string): boolean {
  return [...text].some(isControlCharacter);
}

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

/** The part of a Y.Doc these helpers use, so `shared/` needs no Yjs import. */
export interface MetaDoc {
  getMap(name: string): { get(key: string): unknown; set(key: string, value: unknown): unknown };
}

/** The board's name, or undefined when it has none (or a peer wrote something that is not a valid name). */
export function readBoardName(doc: MetaDoc): string | undefined {
  const parsed = boardNameSchema.safeParse(doc.getMap(BOARD_META_MAP).get(BOARD_NAME_KEY));
  return parsed.success ? parsed.data : undefined;
}

/** Sets the name (the caller picks the transaction and origin); throws on an invalid one. */
export function writeBoardName(doc: MetaDoc, name: string): string {
  const valid = boardNameSchema.parse(name);
  doc.getMap(BOARD_META_MAP).set(BOARD_NAME_KEY, valid);
  return valid;
}

/** A name fit for a file name: the board's name without characters file systems refuse. */
export function boardFileBaseName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .split('')
    .map((char) => (isControlCharacter(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

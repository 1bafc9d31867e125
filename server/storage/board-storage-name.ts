/**
 * The folder name a board id is stored under, and back.
 *
 * Board ids are case-sensitive (`CaseBoard` and `caseboard` are two boards),
 * but the disks the desktop app runs on (macOS, Windows) are usually not: there
 * both ids named one folder, two rooms wrote one log, and acknowledged writes
 * were lost. Windows also refuses device names (`CON`, `nul`, `COM1`, …) as
 * folder names.
 *
 * So the folder is the id in lowercase, followed by `+` and, in lowercase hex,
 * a mask of which characters were uppercase (bit i = character i) when there
 * were any: `CaseBoard` → `caseboard+11`, `caseboard` → `caseboard`. A
 * lowercase id that Windows reserves gets an empty mask: `con` → `con+0`.
 *
 * - No folder name has an uppercase letter, so two ids never share a folder
 *   under case folding, and the mapping is reversible (the catalog lists ids
 *   from folder names).
 * - Folder names start with the id, so `ls boards | grep -i <id>` finds one.
 * - `+` cannot appear in a DOS 8.3 name, so no folder name can be taken for the
 *   short name Windows gave another folder (`abcdef~1`); ids have no dots, so
 *   no name ends in a dot or a space or has an extension.
 * - Every id has exactly one folder name: `boardIdFromStorageName` accepts only
 *   names `boardStorageName` produces.
 */
import { BOARD_ID_PATTERN } from '../../shared/protocol';
import { assertBoardId } from './board-id';

const SEPARATOR = '+';
const STORAGE_NAME_PATTERN = /^([a-z0-9_-]{1,64})(?:\+(0|[1-9a-f][0-9a-f]{0,15}))?$/;

/** Names Windows gives to devices, in any case and with any extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.')[0]?.toLowerCase() ?? '');
}

/** The folder a board is stored in (under `boards/` or `trash/`). Throws BAD_REQUEST for an invalid id. */
export function boardStorageName(boardId: string): string {
  assertBoardId(boardId);
  const lower = boardId.toLowerCase();
  let mask = 0n;
  for (let index = 0; index < boardId.length; index += 1) {
    if (boardId[index] !== lower[index]) mask |= 1n << BigInt(index);
  }
  if (mask === 0n && !WINDOWS_RESERVED.test(lower)) return lower;
  return `${lower}${SEPARATOR}${mask.toString(16)}`;
}

/** The board id a folder holds, or undefined for a name `boardStorageName` never produces. */
export function boardIdFromStorageName(name: string): string | undefined {
  const match = STORAGE_NAME_PATTERN.exec(name);
  if (!match?.[1]) return undefined;
  const lower = match[1];
  const mask = match[2] === undefined ? 0n : BigInt(`0x${match[2]}`);
  let id = '';
  for (let index = 0; index < lower.length; index += 1) {
    const char = lower[index] ?? '';
    id += (mask >> BigInt(index)) & 1n ? char.toUpperCase() : char;
  }
  // Anything not canonical (a bit on a digit or past the end, a mask on a plain name) is not ours.
  if (!BOARD_ID_PATTERN.test(id) || boardStorageName(id) !== name) return undefined;
  return id;
}

/**
 * A folder named by a raw board id, as relays before this mapping stored them
 * (`CaseBoard`, `con`): the name it must move to, or undefined when the name is
 * already right (a plain lowercase id is both) or is no board id at all.
 */
export function legacyFolderTarget(name: string): string | undefined {
  if (!BOARD_ID_PATTERN.test(name)) return undefined;
  const target = boardStorageName(name);
  return target === name ? undefined : target;
}

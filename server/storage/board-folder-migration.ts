import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StorageLogger } from './board-files';
import { legacyFolderTarget } from './board-storage-name';
import { errorMessage, fsyncDirectory, isErrnoException } from './fs-durable';

/**
 * Moves board folders named by a raw id (relays before board-storage-name.ts:
 * `CaseBoard`, `con`) to their storage names, in `parentDir` (`boards/` or
 * `trash/`). Runs at start, before any board is opened.
 *
 * Each move is one rename, so a crash leaves every folder either moved or not,
 * and the next start finishes the rest: which folders still need moving is
 * read from their names alone. A folder whose new name is taken (an older relay
 * ran on the dir after a newer one had moved it) is left where it is and
 * logged; nothing is merged or overwritten. Resolves to the number moved.
 */
export async function migrateLegacyBoardFolders(parentDir: string, log: StorageLogger): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(parentDir);
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return 0;
    throw error;
  }
  let moved = 0;
  for (const name of names) {
    const target = legacyFolderTarget(name);
    if (target === undefined) continue;
    const from = path.join(parentDir, name);
    const to = path.join(parentDir, target);
    if (!(await fs.lstat(from)).isDirectory()) continue;
    if (await exists(to)) {
      log('board-folder-not-migrated', { from, to, reason: 'the new name is taken; both are kept as they are' });
      continue;
    }
    try {
      await fs.rename(from, to);
    } catch (error) {
      throw new Error(`moving board folder ${from} to ${to} failed: ${errorMessage(error)}`, { cause: error });
    }
    moved += 1;
    log('board-folder-migrated', { from, to });
  }
  if (moved > 0) await fsyncDirectory(parentDir);
  return moved;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return false;
    throw error;
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { RelayError } from '../../shared/protocol';
import { StructureError } from '../core/update-structure';
import { errorMessage, isErrnoException } from './fs-durable';
import {
  FormatError,
  META_FILE,
  RECORD_HEADER_BYTES,
  SNAPSHOT_FILE,
  TEMP_SUFFIX,
  decodeMeta,
  decodeSnapshot,
  logFileName,
  parseLog,
  parseLogFileName,
  type Snapshot,
} from './record-codec';
import { withoutSubdocuments } from './stored-update';
import { DEFAULT_MAX_BOARD_BYTES } from './types';

export interface LiveLog {
  generation: number;
  fileName: string;
  fileSize: number;
  /** Where the file must end once a torn tail (if any) is cut. */
  goodEnd: number;
  /** Bytes of the good records (headers included), what `logBytes` counts. */
  recordBytes: number;
  tornTail?: string;
}

/** A board read and verified from disk. Nothing has been written yet. */
export interface BoardOnDisk {
  epoch: string;
  doc: Y.Doc;
  /** The generation the snapshot stops at (0 without a snapshot). */
  baseGeneration: number;
  /** Live logs in replay order; the last one is the one to append to. */
  liveLogs: LiveLog[];
  /** Logs the snapshot already covers and `*.tmp` files: safe to delete now. */
  leftoverFiles: string[];
  recordCount: number;
  bytesRead: number;
  /** Size of snapshot.bin (0 without one). */
  snapshotBytes: number;
  /** What was left out of the replay, and why (see `readBoard`). */
  repairs: LoadRepairs;
}

export interface LoadRepairs {
  /** Subdocuments replaced by deleted content. */
  subdocumentsRemoved: number;
  /** Changes whose dependencies never arrived, dropped after the replay (bytes of Yjs's pending update). */
  pendingBytesDropped: number;
}

/** Whether `dir` holds a board (readBoard would load it, or refuse it, but not find nothing). */
export async function boardExistsIn(dir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return false;
    throw error;
  }
  return names.some((name) => name === META_FILE || name === SNAPSHOT_FILE || parseLogFileName(name) !== undefined);
}

/**
 * Reads and verifies every file of a board and replays it into a fresh Y.Doc,
 * strictly read-only: the caller repairs (cuts torn tails, deletes leftovers)
 * only once this has succeeded, so a board found corrupt stays byte-for-byte
 * as it was for whoever investigates it.
 *
 * The replay is bounded, whatever the files hold: a board whose files add up
 * to more than `maxBoardBytes` is refused (`RelayError('TOO_LARGE')`) before
 * anything is read; subdocuments (written before the relay refused them) are
 * replayed as deleted content; and changes left pending once everything is
 * replayed (their dependencies never arrived) are dropped. What was left out
 * is reported in `repairs`.
 *
 * Resolves undefined when there is no board (no folder, or only `*.tmp`
 * leftovers of a creation that crashed before meta.json landed). Throws
 * `RelayError('UNAVAILABLE')` for anything unreadable.
 */
export async function readBoard(
  dir: string,
  boardId: string,
  maxBoardBytes = DEFAULT_MAX_BOARD_BYTES,
): Promise<BoardOnDisk | undefined> {
  const unavailable = (file: string, problem: string): RelayError =>
    new RelayError('UNAVAILABLE', `board ${boardId}: ${file} ${problem}`);
  const readWhole = async (file: string): Promise<Buffer> => {
    try {
      return await fs.readFile(path.join(dir, file));
    } catch (error) {
      throw unavailable(file, `cannot be read: ${errorMessage(error)}`);
    }
  };

  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return undefined;
    throw unavailable('folder', `cannot be listed: ${errorMessage(error)}`);
  }
  const logGenerations = names
    .map(parseLogFileName)
    .filter((generation) => generation !== undefined)
    .sort((a, b) => a - b);
  const hasMeta = names.includes(META_FILE);
  const hasSnapshot = names.includes(SNAPSHOT_FILE);
  if (!hasMeta && !hasSnapshot && logGenerations.length === 0) return undefined;
  if (!hasMeta) throw unavailable(META_FILE, 'is missing while other board files exist');
  await refuseOverBudget(dir, boardId, names, maxBoardBytes);

  let bytesRead = 0;
  const decode = async <T>(file: string, decoder: (bytes: Buffer) => T): Promise<T> => {
    const bytes = await readWhole(file);
    bytesRead += bytes.length;
    try {
      return decoder(bytes);
    } catch (error) {
      if (error instanceof FormatError) throw unavailable(file, error.message);
      throw error;
    }
  };

  const meta = await decode(META_FILE, decodeMeta);
  const beforeSnapshot = bytesRead;
  const snapshot: Snapshot | undefined = hasSnapshot ? await decode(SNAPSHOT_FILE, decodeSnapshot) : undefined;
  const bytesOfSnapshot = bytesRead - beforeSnapshot;
  const baseGeneration = snapshot?.logGeneration ?? 0;
  const liveGenerations = logGenerations.filter((generation) => generation >= baseGeneration);
  // Compaction creates generation N+1 before it deletes anything below it, so
  // live logs are always a contiguous run starting at the base; a hole means
  // updates went missing.
  liveGenerations.forEach((generation, index) => {
    if (generation !== baseGeneration + index) {
      throw unavailable(logFileName(baseGeneration + index), `is missing (found ${logFileName(generation)})`);
    }
  });

  const doc = new Y.Doc({ gc: true });
  const repairs: LoadRepairs = { subdocumentsRemoved: 0, pendingBytesDropped: 0 };
  try {
    const apply = (file: string, stored: Uint8Array, what: string): void => {
      let update: Uint8Array;
      try {
        const repaired = withoutSubdocuments(stored);
        update = repaired.update;
        repairs.subdocumentsRemoved += repaired.removed;
      } catch (error) {
        if (error instanceof StructureError)
          throw unavailable(file, `holds ${what} that is not a Yjs update: ${error.message}`);
        throw error;
      }
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        throw unavailable(file, `holds ${what} that Yjs cannot apply: ${errorMessage(error)}`);
      }
    };
    if (snapshot) apply(SNAPSHOT_FILE, snapshot.payload, 'a payload');

    const liveLogs: LiveLog[] = [];
    let recordCount = 0;
    for (const [index, generation] of liveGenerations.entries()) {
      const fileName = logFileName(generation);
      const bytes = await readWhole(fileName);
      bytesRead += bytes.length;
      const isLastLog = index === liveGenerations.length - 1;
      let parsed;
      try {
        parsed = parseLog(bytes, generation, isLastLog);
      } catch (error) {
        if (error instanceof FormatError) throw unavailable(fileName, error.message);
        throw error;
      }
      parsed.records.forEach((record, recordIndex) => apply(fileName, record, `record ${recordIndex}`));
      recordCount += parsed.records.length;
      liveLogs.push({
        generation,
        fileName,
        fileSize: bytes.length,
        goodEnd: parsed.goodEnd,
        recordBytes: parsed.records.reduce((sum, record) => sum + RECORD_HEADER_BYTES + record.length, 0),
        tornTail: parsed.tornTail,
      });
    }

    repairs.pendingBytesDropped = dropPending(doc);
    const leftoverFiles = [
      ...logGenerations.filter((generation) => generation < baseGeneration).map(logFileName),
      ...names.filter((name) => name.endsWith(TEMP_SUFFIX)),
    ];
    const snapshotBytes = snapshot ? bytesOfSnapshot : 0;
    return {
      epoch: meta.epoch,
      doc,
      baseGeneration,
      liveLogs,
      leftoverFiles,
      recordCount,
      bytesRead,
      snapshotBytes,
      repairs,
    };
  } catch (error) {
    doc.destroy();
    throw error;
  }
}

/** The board's files must fit its budget before any of them is read: a load must not take the relay down. */
async function refuseOverBudget(dir: string, boardId: string, names: string[], maxBoardBytes: number): Promise<void> {
  let total = 0;
  for (const name of names) {
    if (name !== SNAPSHOT_FILE && parseLogFileName(name) === undefined) continue;
    try {
      total += (await fs.stat(path.join(dir, name))).size;
    } catch (error) {
      throw new RelayError('UNAVAILABLE', `board ${boardId}: ${name} cannot be read: ${errorMessage(error)}`);
    }
  }
  if (total > maxBoardBytes) {
    throw new RelayError(
      'TOO_LARGE',
      `board ${boardId} takes ${mebibytes(total)} on disk, more than this relay's limit of ${mebibytes(maxBoardBytes)} ` +
        '(--max-board-bytes), so it was not opened; a relay started with a larger --max-board-bytes opens it',
    );
  }
}

/**
 * Drops what Yjs still holds back after the replay: changes whose
 * dependencies never arrived. They were never visible and Yjs would merge and
 * retry them on every later update. Returns how many bytes were dropped.
 */
export function dropPending(doc: Y.Doc): number {
  const store = doc.store;
  const bytes = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  store.pendingStructs = null;
  store.pendingDs = null;
  return bytes;
}

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

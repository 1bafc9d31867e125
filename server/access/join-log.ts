/**
 * Who came to each board: name, pass, address, when they joined and left
 * (shared/access JoinRecord). One file per board,
 * `<data-dir>/access/joins/<sha256(boardId), 40 hex>.json` (a hash: board ids
 * differing only in case stay apart on case-insensitive disks, and no id is a
 * reserved Windows name), holding at most MAX_JOIN_LOG_ENTRIES visits, oldest
 * first:
 *
 *   {"format":1,"boardId":"…","joins":[{…JoinRecord, "visitId":"…"}]}
 *
 * A log is written at most once a second while it changes (atomically), and
 * at once when the relay closes: it is a record for the host, not board
 * content, so a crash may lose its last second. Logs are kept in memory for
 * the boards used last (at most LOADED_LOGS), loaded again when needed.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { type JoinRecord, joinRecordSchema, MAX_JOIN_LOG_ENTRIES } from '../../shared/access';
import { boardIdSchema } from '../../shared/protocol';
import type { Logger } from '../core/types';
import { JsonFile } from './json-file';

export const JOIN_LOG_DIR = 'joins';
/** A changed log is written this long after its first unsaved change (ms). */
export const JOIN_LOG_FLUSH_MS = 1_000;
/** Board logs held in memory at once; the least recently used one is written and dropped past it. */
export const LOADED_LOGS = 256;

const storedVisitSchema = joinRecordSchema.extend({ visitId: z.string().max(64) });
type StoredVisit = z.infer<typeof storedVisitSchema>;
const joinLogFileSchema = z.strictObject({
  format: z.literal(1),
  boardId: boardIdSchema,
  joins: z.array(storedVisitSchema).max(MAX_JOIN_LOG_ENTRIES),
});
type JoinLogFile = z.infer<typeof joinLogFileSchema>;

export type Visit = Omit<JoinRecord, 'leftAt'>;

class BoardLog {
  visits: StoredVisit[] = [];
  readonly ready: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;

  constructor(
    readonly boardId: string,
    private readonly file: JsonFile<JoinLogFile>,
    private readonly log: Logger,
  ) {
    this.ready = file.read({ format: 1, boardId, joins: [] }).then(
      ({ joins }) => void (this.visits = joins),
      (error: unknown) => log.error({ boardId, err: String(error) }, 'join log could not be read; starting it afresh'),
    );
  }

  /** Runs `change` once the log is loaded, then writes it soon. */
  change(change: (visits: StoredVisit[]) => void): void {
    void this.ready.then(() => {
      change(this.visits);
      if (this.visits.length > MAX_JOIN_LOG_ENTRIES) this.visits.splice(0, this.visits.length - MAX_JOIN_LOG_ENTRIES);
      this.dirty = true;
      this.timer ??= setTimeout(() => void this.save(), JOIN_LOG_FLUSH_MS);
      this.timer.unref?.();
    });
  }

  async save(): Promise<void> {
    await this.ready;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await this.file.save({ format: 1, boardId: this.boardId, joins: this.visits });
    } catch (error) {
      this.log.error({ boardId: this.boardId, err: String(error) }, 'join log could not be written');
    }
  }
}

export class JoinLog {
  private readonly boards: LRUCache<string, BoardLog>;
  private readonly evicted = new Set<Promise<void>>();

  constructor(
    /** `<data-dir>/access`, or null to keep the logs in memory only. */
    private readonly dir: string | null,
    private readonly log: Logger,
  ) {
    this.boards = new LRUCache({
      max: LOADED_LOGS,
      dispose: (board) => {
        const saving = board.save().finally(() => this.evicted.delete(saving));
        this.evicted.add(saving);
      },
    });
  }

  /** Someone joined: returns the visit's id, to say when they left. */
  joined(boardId: string, visit: Visit): string {
    const visitId = randomUUID();
    this.board(boardId).change((visits) => visits.push({ ...visit, leftAt: null, visitId }));
    return visitId;
  }

  left(boardId: string, visitId: string, at: Date): void {
    this.board(boardId).change((visits) => {
      const visit = visits.find((entry) => entry.visitId === visitId);
      if (visit && visit.leftAt === null) visit.leftAt = at.toISOString();
    });
  }

  /** The board's visits, newest first. */
  async read(boardId: string): Promise<JoinRecord[]> {
    const board = this.board(boardId);
    // Changes asked for before this read were chained on `ready` first, so they are in.
    await board.ready;
    return board.visits.map(({ visitId: _visitId, ...visit }) => ({ ...visit })).reverse();
  }

  /** Writes every changed log. */
  async close(): Promise<void> {
    await Promise.all([...this.boards.values()].map((board) => board.save()));
    await Promise.all([...this.evicted]);
  }

  private board(boardId: string): BoardLog {
    let board = this.boards.get(boardId);
    if (!board) {
      const dir = this.dir === null ? null : path.join(this.dir, JOIN_LOG_DIR);
      board = new BoardLog(
        boardId,
        new JsonFile(dir, `${fileStem(boardId)}.json`, joinLogFileSchema, this.log),
        this.log,
      );
      this.boards.set(boardId, board);
    }
    return board;
  }
}

function fileStem(boardId: string): string {
  return createHash('sha256').update(boardId, 'utf8').digest('hex').slice(0, 40);
}

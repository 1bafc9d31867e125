import type { BoardSummary, TrashedBoard } from '../../shared/catalog';
import { TRASH_RETENTION_MS } from '../../shared/catalog';
import { writeBoardName } from '../../shared/model/board-meta';
import type { RelayCore } from '../core/relay-core';
import type { Logger } from '../core/types';
import { migrateLegacyBoardFolders } from '../storage/board-folder-migration';
import { CatalogFiles } from './catalog-files';
import { CatalogRecorder } from './catalog-recorder';

/** What a client of a deleted board is told when it (re)joins. */
export const DELETED_BOARD_MESSAGE = 'this board was deleted';

/**
 * The boards this relay holds, for the desktop host's home screen: listing
 * from sidecars, renaming through the relay core (so everyone on the board
 * sees it), deleting into a trash and restoring from it, thumbnails.
 */
export class BoardCatalog {
  readonly recorder: CatalogRecorder;

  private constructor(
    private readonly files: CatalogFiles,
    private readonly core: RelayCore,
    log: Logger,
    writeIntervalMs?: number,
  ) {
    this.recorder = new CatalogRecorder(files, log, writeIntervalMs);
  }

  /**
   * Purges trash older than TRASH_RETENTION_MS (by its deleted.json; a board
   * without one is kept) and refuses joins to what stays
   * there. Call before the relay takes connections. `onStored` must be wired to
   * the core's `onBoardStored` (the core is made first, so it is passed here).
   */
  static async open(options: {
    dataDir: string;
    core: RelayCore;
    log: Logger;
    writeIntervalMs?: number;
    now?: number;
  }): Promise<BoardCatalog> {
    const files = new CatalogFiles(options.dataDir);
    // Deleted boards of relays before storage names were safe on every disk: the same mapping as boards/.
    await migrateLegacyBoardFolders(files.trashDir, (event, details) => options.log.info(details, event));
    const { kept, purged } = await files.purgeTrash(TRASH_RETENTION_MS, options.now);
    if (purged.length > 0) options.log.info({ boards: purged }, 'purged deleted boards older than 30 days');
    for (const boardId of kept) options.core.refuseBoard(boardId, DELETED_BOARD_MESSAGE);
    return new BoardCatalog(files, options.core, options.log, options.writeIntervalMs);
  }

  /** Newest first. */
  async list(): Promise<BoardSummary[]> {
    const boards = await this.files.list((boardId) => this.recorder.pending(boardId));
    return boards.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  async listTrash(): Promise<TrashedBoard[]> {
    const boards = await this.files.listTrash();
    return boards.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id));
  }

  async exists(boardId: string): Promise<boolean> {
    return this.files.exists(boardId);
  }

  /** Renames through the core: loaded or not, the change is stored and sent to everyone on the board. */
  async rename(boardId: string, name: string): Promise<BoardSummary> {
    await this.core.changeBoard(boardId, (doc) => writeBoardName(doc, name));
    await this.recorder.flush(boardId);
    return this.files.summary(boardId, this.recorder.pending(boardId));
  }

  /** Disconnects everyone on the board, then moves its files into the trash. */
  async delete(boardId: string): Promise<TrashedBoard> {
    let trashed: TrashedBoard | undefined;
    await this.core.retireBoard(boardId, DELETED_BOARD_MESSAGE, async () => {
      await this.recorder.forget(boardId);
      const { name } = await this.files.summary(boardId);
      trashed = await this.files.moveToTrash(boardId, name);
    });
    if (!trashed) throw new Error(`board ${boardId} was not moved to the trash`);
    return trashed;
  }

  async restore(boardId: string): Promise<BoardSummary> {
    await this.files.restore(boardId);
    this.core.admitBoard(boardId);
    return this.files.summary(boardId);
  }

  writeThumbnail(boardId: string, png: Uint8Array): Promise<void> {
    return this.files.writeThumbnail(boardId, png);
  }

  readThumbnail(boardId: string): Promise<Buffer | undefined> {
    return this.files.readThumbnail(boardId);
  }

  close(): Promise<void> {
    return this.recorder.close();
  }
}

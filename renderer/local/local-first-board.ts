import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { BoardSync, SyncClient } from '../sync';
import { type LocalBoardStore, type LocalBoardStoreOptions, openLocalBoardStore } from './board-store';

/** A board opened from this device's copy first, then synced with its relay. */
export interface LocalFirstBoard {
  readonly client: SyncClient;
  readonly board: BoardSync;
  readonly store: LocalBoardStore;
  /** Local changes that are neither acknowledged by the relay nor committed to this device: closing now loses them. */
  hasChangesAtRisk(): boolean;
  /** Stops syncing, closes the connection and stops storing; the doc keeps its content. */
  close(): Promise<void>;
}

export interface LocalFirstBoardOptions extends Omit<LocalBoardStoreOptions, 'doc'> {
  /** Makes the connection to the relay, once the local copy is loaded. */
  connect: () => SyncClient;
  /** Presence for this board (never stored: it is about now). */
  awareness?: Awareness;
}

/**
 * Loads the board's local copy into `doc`, then connects and opens the board,
 * so the join asks the relay only for what this device lacks and sends only
 * what the relay lacks. The connection is made only then, and the board opened
 * on it at once, so the board sees every connection event (a refusal included)
 * from the first. The relay's epoch is remembered with the local copy, so a
 * board replaced on the relay is not overwritten by it, in this session or the
 * next. Rejects only when `options.signal` is aborted before the board is open.
 */
export async function openLocalFirstBoard(doc: Y.Doc, options: LocalFirstBoardOptions): Promise<LocalFirstBoard> {
  const store = await openLocalBoardStore({ ...options, doc });
  if (options.signal?.aborted) {
    await store.close();
    options.signal.throwIfAborted();
  }
  const client = options.connect();
  const board = client.open(options.boardId, doc, { knownEpoch: store.knownEpoch, awareness: options.awareness });
  board.events.on('epoch', (epoch) => store.rememberEpoch(epoch));
  board.events.on('epoch-mismatch', ({ known, relay }) =>
    (options.warn ?? console.warn)(
      `Easel: the relay holds a different board ${options.boardId} (epoch ${relay}, this device synced epoch ${known}); ` +
        'the copy on this device is kept and not sent.',
    ),
  );
  return {
    client,
    board,
    store,
    hasChangesAtRisk: () => board.pendingCount > 0 && !store.allChangesStored(),
    close: async () => {
      client.destroy();
      await store.close();
    },
  };
}

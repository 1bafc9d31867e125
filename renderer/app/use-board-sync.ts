import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { isBrowserClient } from '../local/browser-client';
import { type LocalFirstBoard, openLocalFirstBoard } from '../local/local-first-board';
import { guardUnload } from '../local/unload-guard';
import { type BoardStatus, SyncClient } from '../sync';

export interface BoardSyncState {
  status: BoardStatus;
  pending: number;
  doc: Y.Doc | null;
}

/**
 * Opens one board on one relay for the lifetime of the component; `name` and
 * `token` go in the handshake. The board's copy on this device loads first
 * (the doc is handed out once it has), then it connects to the relay and joins.
 */
export function useBoardSync(relayUrl: string, boardId: string, name?: string, token?: string): BoardSyncState {
  const [state, setState] = useState<BoardSyncState>({ status: 'connecting', pending: 0, doc: null });
  useEffect(() => {
    const doc = new Y.Doc();
    const left = new AbortController();
    let local: LocalFirstBoard | null = null;
    let removeGuard: (() => void) | null = null;
    const onOpened = (opened: LocalFirstBoard) => {
      if (left.signal.aborted) return void opened.close();
      local = opened;
      const { board } = opened;
      const update = () => setState({ status: board.status, pending: board.pendingCount, doc });
      board.events.on('status', update);
      board.events.on('pending', update);
      update();
      // The desktop shell closes its window without asking; only a browser tab can.
      if (isBrowserClient(window)) removeGuard = guardUnload(window, opened.hasChangesAtRisk);
    };
    const onFailed = (error: unknown) => {
      if (!left.signal.aborted) console.error(`Easel: could not open board ${boardId}`, error);
    };
    const connect = () => new SyncClient({ url: relayUrl, name, token });
    void openLocalFirstBoard(doc, { relayUrl, boardId, signal: left.signal, connect }).then(onOpened, onFailed);
    return () => {
      left.abort();
      removeGuard?.();
      void local?.close();
      doc.destroy();
    };
  }, [relayUrl, boardId, name, token]);
  return state;
}

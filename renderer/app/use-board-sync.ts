import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { type BoardStatus, SyncClient } from '../sync';

export interface BoardSyncState {
  status: BoardStatus;
  pending: number;
  doc: Y.Doc | null;
}

/** Opens one board on one relay for the lifetime of the component; `name` and `token` go in the handshake. */
export function useBoardSync(relayUrl: string, boardId: string, name?: string, token?: string): BoardSyncState {
  const [state, setState] = useState<BoardSyncState>({ status: 'connecting', pending: 0, doc: null });
  useEffect(() => {
    const client = new SyncClient({ url: relayUrl, name, token });
    const doc = new Y.Doc();
    const board = client.open(boardId, doc);
    const update = () => setState({ status: board.status, pending: board.pendingCount, doc });
    board.events.on('status', update);
    board.events.on('pending', update);
    update();
    return () => {
      client.destroy();
      doc.destroy();
    };
  }, [relayUrl, boardId, name, token]);
  return state;
}

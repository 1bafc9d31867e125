import { useCallback, useEffect, useRef, useState } from 'react';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Role, WireError } from '../../shared/protocol';
import { isBrowserClient } from '../local/browser-client';
import { type LocalFirstBoard, openLocalFirstBoard } from '../local/local-first-board';
import { guardUnload } from '../local/unload-guard';
import { type BoardStatus, type ConnectionStatus, type EpochMismatch, SyncClient } from '../sync';
import { takeSeed } from '../routing/board-seeds';

export interface BoardSyncState {
  status: BoardStatus;
  pending: number;
  doc: Y.Doc | null;
  /** Presence for the board; made with the doc. */
  awareness: Awareness | null;
  connection: ConnectionStatus;
  /** Whether the board has been in sync with the relay in this session (then a drop is a "reconnect"). */
  wasSynced: boolean;
  /** When the board last came back in sync after a drop (ms since the epoch). */
  reconnectedAt: number | null;
  /** The relay holds a different board under this id: nothing was merged or sent. */
  epochMismatch: EpochMismatch | null;
  /** Editor or viewer, as the relay last said; null until it has. */
  role: Role | null;
  /** Why the relay will not open this board for us (another board's link, a deleted board), or null. */
  refusal: string | null;
  /** Why the relay refused to store our last change, while changes wait (see BoardSync.rejection). */
  rejection: WireError | null;
}

const INITIAL: BoardSyncState = {
  status: 'connecting',
  pending: 0,
  doc: null,
  awareness: null,
  connection: { state: 'connecting', nextRetryAt: null, lastError: null, refused: false, accessEnded: null },
  wasSynced: false,
  reconnectedAt: null,
  epochMismatch: null,
  role: null,
  refusal: null,
  rejection: null,
};

/**
 * Opens one board on one relay for the lifetime of the component (a new
 * `relayUrl` moves the connection there and keeps the board); `name` and
 * `token` go in the handshake. The board's copy on this device loads first
 * (the doc is handed out once it has), then it connects to the relay and
 * joins. `retryNow` skips the reconnect wait. A new `name` (a rename) does not
 * reopen the board: others see names through presence, and reopening would
 * drop the doc, the undo history and the connection.
 */
export function useBoardSync(
  relayUrl: string,
  boardId: string,
  name?: string,
  token?: string,
  color?: string,
): BoardSyncState & { retryNow(): void } {
  const [state, setState] = useState<BoardSyncState>(INITIAL);
  const [client, setClient] = useState<SyncClient | null>(null);
  // The handshake's name is only what the relay logs: the one in use when the board opened will do.
  const handshakeName = useRef(name);
  handshakeName.current = name;
  const handshakeColor = useRef(color);
  handshakeColor.current = color;
  // A new address for the same relay (the desktop app's relay moved) moves the connection in place, below.
  const currentRelayUrl = useRef(relayUrl);
  currentRelayUrl.current = relayUrl;
  useEffect(() => {
    const relayUrl = currentRelayUrl.current;
    const doc = new Y.Doc();
    const seed = takeSeed(boardId);
    if (seed) Y.applyUpdate(doc, seed);
    const awareness = new Awareness(doc);
    const left = new AbortController();
    let local: LocalFirstBoard | null = null;
    let removeGuard: (() => void) | null = null;
    const onOpened = (opened: LocalFirstBoard) => {
      if (left.signal.aborted) return void opened.close();
      local = opened;
      const { board } = opened;
      let wasSynced = false;
      let wasOffline = false;
      let reconnectedAt: number | null = null;
      const update = () => {
        if (board.status === 'synced') {
          if (wasOffline) reconnectedAt = Date.now();
          wasSynced = true;
          wasOffline = false;
        } else if (wasSynced && board.status !== 'syncing') {
          wasOffline = true;
        }
        setState({
          status: board.status,
          pending: board.pendingCount,
          doc,
          awareness,
          connection: opened.client.status,
          wasSynced,
          reconnectedAt,
          epochMismatch: board.epochMismatch,
          role: board.role,
          refusal: board.refusal?.message ?? null,
          rejection: board.rejection,
        });
      };
      board.events.on('status', update);
      board.events.on('pending', update);
      board.events.on('epoch-mismatch', update);
      board.events.on('role', update);
      board.events.on('refusal', update);
      board.events.on('rejection', update);
      opened.client.events.on('connection', update);
      setClient(opened.client);
      update();
      // The desktop shell closes its window without asking; only a browser tab can.
      if (isBrowserClient(window)) removeGuard = guardUnload(window, opened.hasChangesAtRisk);
    };
    const onFailed = (error: unknown) => {
      if (!left.signal.aborted) console.error(`Easel: could not open board ${boardId}`, error);
    };
    const connect = () =>
      new SyncClient({ url: relayUrl, name: handshakeName.current, color: handshakeColor.current, token });
    void openLocalFirstBoard(doc, { relayUrl, boardId, signal: left.signal, connect, awareness }).then(
      onOpened,
      onFailed,
    );
    return () => {
      left.abort();
      removeGuard?.();
      setClient(null);
      setState(INITIAL);
      void local?.close();
      awareness.destroy();
      doc.destroy();
    };
  }, [boardId, token]);
  // The relay moved: the same doc, undo history and unsent changes, on a new connection.
  useEffect(() => {
    client?.moveTo(relayUrl);
  }, [client, relayUrl]);
  // The device is back online: reconnect now, not at the next backoff step (up to 5 s away).
  useEffect(() => {
    if (!client) return;
    const onOnline = () => client.retryNow();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [client]);
  const retryNow = useCallback(() => client?.retryNow(), [client]);
  return { ...state, retryNow };
}

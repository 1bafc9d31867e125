import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectRaw, type RawSocket, request } from './protocol-client';

type Ack = { ok: true; stateVector?: Uint8Array; update?: Uint8Array } | { ok: false; error: { code: string } };

/**
 * A plain protocol-v1 client with its own Y.Doc and awareness (what a third
 * party would write with socket.io-client + yjs): it joins one board, applies
 * what the relay sends, and records which of its edits were acknowledged.
 */
export class BoardPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** Keys whose update the relay acknowledged (stored durably). */
  readonly acked: string[] = [];

  private constructor(
    readonly socket: RawSocket,
    readonly boardId: string,
  ) {
    socket.on('board:update', ({ update }: { update: Uint8Array }) =>
      Y.applyUpdate(this.doc, new Uint8Array(update), 'relay'),
    );
    socket.on('awareness:update', ({ update }: { update: Uint8Array }) =>
      applyAwarenessUpdate(this.awareness, new Uint8Array(update), 'relay'),
    );
  }

  static async join(url: string, boardId: string): Promise<BoardPeer> {
    const peer = new BoardPeer(await connectRaw(url), boardId);
    const ack = await request<Ack & { stateVector: Uint8Array; update: Uint8Array }>(peer.socket, 'board:join', {
      boardId,
      stateVector: Y.encodeStateVector(peer.doc),
    });
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
    Y.applyUpdate(peer.doc, new Uint8Array(ack.update), 'relay');
    return peer;
  }

  /** Joins again (as a client does after UNAVAILABLE or a reconnect) and sends what the relay lacks. */
  async resync(): Promise<Ack> {
    const ack = await request<Ack & { stateVector: Uint8Array; update: Uint8Array }>(this.socket, 'board:join', {
      boardId: this.boardId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    if (!ack.ok) return ack;
    Y.applyUpdate(this.doc, new Uint8Array(ack.update), 'relay');
    const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(ack.stateVector));
    return request<Ack>(this.socket, 'board:update', { boardId: this.boardId, update: missing });
  }

  get keys(): string[] {
    return [...this.doc.getMap('shapes').keys()].sort();
  }

  /** Sets one key and sends it; resolves with the relay's answer. */
  async set(key: string, value: unknown = key, timeoutMs = 10_000): Promise<Ack> {
    let update: Uint8Array | undefined;
    const capture = (bytes: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') update = bytes;
    };
    this.doc.on('update', capture);
    this.doc.getMap('shapes').set(key, value);
    this.doc.off('update', capture);
    const ack = await request<Ack>(this.socket, 'board:update', { boardId: this.boardId, update }, timeoutMs);
    if (ack.ok) this.acked.push(key);
    return ack;
  }

  /** Publishes this client's presence. */
  present(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    this.socket.emit('awareness:update', {
      boardId: this.boardId,
      update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    });
  }

  /** Names in the presence states this client sees from others. */
  get othersPresent(): string[] {
    return [...this.awareness.getStates()]
      .filter(([clientId]) => clientId !== this.doc.clientID)
      .map(([, state]) => String((state as { name?: unknown }).name))
      .sort();
  }

  close(): void {
    this.socket.close();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
  type ClientToServerEvents,
  EVENTS,
  type JoinAck,
  type PlainAck,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { updateKey } from './update-id';

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where a client reports what it sent, what was acked and what it received. */
export interface ClientSink {
  /** A send is about to go out; returns its index, handed back to `acked`. */
  sent(client: number, key: number): number;
  acked(sendIndex: number, ack: PlainAck): void;
  received(client: number, update: Uint8Array | ArrayBuffer): void;
  /** The client broke (disconnect, connect failure): the run is invalid. */
  fatal(message: string): void;
}

/**
 * One benchmark client: a plain socket.io-client socket speaking protocol v1
 * and a Y.Doc of its own. It makes one small real edit per `sendEdit` (its
 * cursor position in a map) and sends the update the doc produced. It never
 * applies what it receives: the load generator must only measure, or it would
 * become the bottleneck.
 */
export class LoadClient {
  private readonly socket: BenchSocket;
  private readonly doc = new Y.Doc();
  private readonly cursors = this.doc.getMap<number[]>('cursors');
  private captured: Uint8Array | null = null;
  private edits = 0;
  private closing = false;

  constructor(
    /** Index among all clients of the run (across threads). */
    readonly index: number,
    url: string,
    private readonly boardId: string,
    private readonly sink: ClientSink,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      auth: { v: PROTOCOL_VERSION },
      forceNew: true,
      reconnection: false,
    });
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update;
    });
    this.socket.on(EVENTS.update, (message) => sink.received(index, message.update));
  }

  connect(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`client ${this.index}: no connection in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.socket.once('connect', () => {
        clearTimeout(timer);
        this.socket.on('disconnect', (reason) => {
          if (!this.closing) this.sink.fatal(`client ${this.index} disconnected: ${reason}`);
        });
        resolve();
      });
      this.socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(new Error(`client ${this.index}: connect_error ${error.message}`));
      });
    });
  }

  async join(timeoutMs: number): Promise<void> {
    const ack: JoinAck = await this.socket
      .timeout(timeoutMs)
      .emitWithAck(EVENTS.join, { boardId: this.boardId, stateVector: Y.encodeStateVector(this.doc) });
    if (!ack.ok) throw new Error(`client ${this.index}: join refused: ${ack.error.code} ${ack.error.message}`);
  }

  /** One edit, sent at once. Returns false if the doc produced no update (never expected). */
  sendEdit(): boolean {
    this.edits += 1;
    this.cursors.set(String(this.doc.clientID), [this.edits % 1000, (this.edits * 7) % 1000]);
    const update = this.captured;
    this.captured = null;
    if (!update) return false;
    const sendIndex = this.sink.sent(this.index, updateKey(update));
    this.socket.emit(EVENTS.update, { boardId: this.boardId, update }, (ack) => this.sink.acked(sendIndex, ack));
    return true;
  }

  close(): void {
    this.closing = true;
    this.socket.close();
    this.doc.destroy();
  }
}

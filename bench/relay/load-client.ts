import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import {
  type ClientToServerEvents,
  EVENTS,
  type JoinAck,
  joinAckSchema,
  type PlainAck,
  plainAckSchema,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '../../shared/protocol';
import { CursorEdits } from './cursor-edits';
import { LeanSocket } from './lean-socket';
import type { ClientKind } from './options';
import { YSyncLoadClient } from './peers/y-sync-client';
import { updateKey } from './update-id';

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where a client reports what it sent, what was acked and what it received. */
export interface ClientSink {
  /** A send is about to go out; returns its index, handed back to `acked` (if the protocol acks at all). */
  sent(client: number, key: number, expectsAck: boolean): number;
  acked(sendIndex: number, ack: PlainAck): void;
  received(client: number, update: Uint8Array | ArrayBuffer): void;
  /** The client broke (disconnect, connect failure, protocol error): the run is invalid. */
  fatal(message: string): void;
}

/**
 * One benchmark client speaking protocol v1, with a Y.Doc of its own. It makes
 * one small real edit per `sendEdit` (its cursor position in a map) and sends
 * the update the doc produced. It never applies what it receives: the load
 * generator must only measure, or it would become the bottleneck.
 */
export interface LoadClient {
  /** Index among all clients of the run (across threads). */
  readonly index: number;
  connect(timeoutMs: number): Promise<void>;
  join(timeoutMs: number): Promise<void>;
  /** Makes the next `count` edits now, so the run spends no load-generator CPU on Yjs. */
  prepare(count: number): void;
  /** One edit, sent at once. Returns false if the doc produced no update (never expected). */
  sendEdit(): boolean;
  close(): void;
}

/**
 * `lean`: lean-socket.ts over raw ws; `socket.io`: plain socket.io-client;
 * `y-websocket` and `hocuspocus`: the peers' sync protocol (peers/y-sync-client.ts).
 */
export function createLoadClient(
  kind: ClientKind | PeerClientKind,
  index: number,
  url: string,
  boardId: string,
  sink: ClientSink,
): LoadClient {
  if (kind === 'lean') return new LeanLoadClient(index, url, boardId, sink);
  if (kind === 'socket.io') return new SocketIoLoadClient(index, url, boardId, sink);
  return new YSyncLoadClient(index, url, boardId, sink, kind);
}

export type PeerClientKind = 'y-websocket' | 'hocuspocus';

class SocketIoLoadClient implements LoadClient {
  private readonly socket: BenchSocket;
  private readonly edits = new CursorEdits();
  private closing = false;

  constructor(
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
      .emitWithAck(EVENTS.join, { boardId: this.boardId, stateVector: Y.encodeStateVector(this.edits.doc) });
    if (!ack.ok) throw new Error(`client ${this.index}: join refused: ${ack.error.code} ${ack.error.message}`);
  }

  prepare(count: number): void {
    this.edits.prepare(count);
  }

  sendEdit(): boolean {
    const update = this.edits.next();
    if (!update) return false;
    const sendIndex = this.sink.sent(this.index, updateKey(update), true);
    this.socket.emit(EVENTS.update, { boardId: this.boardId, update }, (ack) => this.sink.acked(sendIndex, ack));
    return true;
  }

  close(): void {
    this.closing = true;
    this.socket.close();
    this.edits.doc.destroy();
  }
}

class LeanLoadClient implements LoadClient {
  private socket: LeanSocket | null = null;
  private readonly edits = new CursorEdits();

  constructor(
    readonly index: number,
    private readonly url: string,
    private readonly boardId: string,
    private readonly sink: ClientSink,
  ) {}

  async connect(timeoutMs: number): Promise<void> {
    const { index, sink, boardId } = this;
    const handlers = {
      update: (board: string, update: Uint8Array) => {
        if (board === boardId) sink.received(index, update);
        else sink.fatal(`client ${index}: board:update of board ${board}, which it never joined`);
      },
      closed: (reason: string) => sink.fatal(`client ${index} disconnected: ${reason}`),
    };
    try {
      this.socket = await LeanSocket.connect(this.url, { v: PROTOCOL_VERSION }, handlers, timeoutMs);
    } catch (error) {
      throw new Error(`client ${index}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async join(timeoutMs: number): Promise<void> {
    const stateVector = Y.encodeStateVector(this.edits.doc);
    const ack = joinAckSchema.safeParse(
      await this.socket!.request(EVENTS.join, { boardId: this.boardId, stateVector }, timeoutMs),
    );
    if (!ack.success) throw new Error(`client ${this.index}: malformed join ack: ${ack.error.message}`);
    if (!ack.data.ok) {
      throw new Error(`client ${this.index}: join refused: ${ack.data.error.code} ${ack.data.error.message}`);
    }
  }

  prepare(count: number): void {
    this.edits.prepare(count);
  }

  sendEdit(): boolean {
    const update = this.edits.next();
    if (!update) return false;
    const sendIndex = this.sink.sent(this.index, updateKey(update), true);
    this.socket!.emit(EVENTS.update, { boardId: this.boardId, update }, (args) => {
      const ack = plainAckSchema.safeParse(args[0]);
      if (ack.success) this.sink.acked(sendIndex, ack.data);
      else this.sink.fatal(`client ${this.index}: malformed board:update ack ${JSON.stringify(args)}`);
    });
    return true;
  }

  close(): void {
    this.socket?.close();
    this.edits.doc.destroy();
  }
}

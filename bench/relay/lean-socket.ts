import WebSocket from 'ws';
import { decodePacket, encodeEvent, engineUrl, heartbeatOf, type Packet, PacketType, reconstruct } from './lean-codec';

/**
 * A lean protocol-v1 client for the benchmark: Engine.IO v4 + Socket.IO v4 over
 * one raw `ws` WebSocket, doing only what the load generator needs. Engine.IO
 * over WebSocket: one packet per frame; text frames start with a type digit (0
 * open, 1 close, 2 ping, 3 pong, 4 message, 6 noop), binary frames are raw
 * attachment bytes. The server pings; the client answers each `2` with `3`.
 *
 * Receive fast path: the first `board:update` (or `awareness:update`) text
 * frame is decoded in full; if it is a binary event with one attachment, its
 * exact bytes are remembered, and a later byte-identical text frame (same
 * board, same shape) just marks "the next binary frame is that board's update"
 * with no string decoding or JSON.parse. Anything else goes through the full
 * decoder, and whatever it does not expect closes the socket loudly.
 */
export interface LeanSocketHandlers {
  /** A `board:update` from the relay; `update` may be a view into ws's receive buffer: read it now or copy it. */
  update(boardId: string, update: Uint8Array): void;
  /** The connection ended other than by `close()` (server close, protocol error, heartbeat). */
  closed(reason: string): void;
}

/** What the next binary frame is. */
const Pending = { none: 0, update: 1, skip: 2, packet: 3 } as const;
type Pending = (typeof Pending)[keyof typeof Pending];
const Phase = { opening: 0, connecting: 1, open: 2, closed: 3 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];
type AckWaiter = { done(args: unknown[]): void; cancel(reason: string): void };
type Memo = { frame: Buffer; kind: typeof Pending.update | typeof Pending.skip; boardId: string };

const PING = 0x32; // '2'
const MAX_MEMOS = 16;

export class LeanSocket {
  private readonly ws: WebSocket;
  private phase: Phase = Phase.opening;
  private connected: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  private readonly acks = new Map<number, AckWaiter>();
  private nextAckId = 0;
  private readonly memos: Memo[] = [];
  private pending: Pending = Pending.none;
  private pendingBoard = '';
  private pendingPacket: { packet: Packet; frame: Buffer; binary: Uint8Array[] } | null = null;
  /** Text frames that took the fast path (a remembered frame), for tests. */
  memoHits = 0;

  private constructor(
    url: string,
    private readonly auth: Record<string, unknown>,
    private readonly handlers: LeanSocketHandlers,
  ) {
    this.ws = new WebSocket(engineUrl(url), {
      perMessageDeflate: false,
      skipUTF8Validation: true,
      allowSynchronousEvents: true,
    });
    this.ws.on('message', (data, isBinary) => {
      if (Buffer.isBuffer(data)) this.receive(data, isBinary);
      else this.fail('ws handed over something other than a Buffer');
    });
    this.ws.on('error', (error) => this.fail(`WebSocket error: ${error.message}`));
    this.ws.on('close', (code, reason) => this.fail(`WebSocket closed (${code} ${reason.toString()})`));
  }

  /** Opens the WebSocket and connects to namespace "/" with `auth` (rejects on connect_error or timeout). */
  static connect(
    url: string,
    auth: Record<string, unknown>,
    handlers: LeanSocketHandlers,
    timeoutMs: number,
  ): Promise<LeanSocket> {
    const socket = new LeanSocket(url, auth, handlers);
    return new Promise<LeanSocket>((resolve, reject) => {
      const timer = setTimeout(() => socket.fail(`no connection in ${timeoutMs} ms`), timeoutMs);
      socket.connected = {
        resolve: () => (clearTimeout(timer), resolve(socket)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
  }

  /** Emits `event` with one argument (Uint8Arrays in it go as attachments); `ack` gets the ack's arguments. */
  emit(event: string, payload: unknown, ack?: (args: unknown[]) => void): void {
    if (this.phase !== Phase.open) throw new Error(`emit ${event} on a socket that is not connected`);
    let ackId = -1;
    if (ack) {
      ackId = this.nextAckId++;
      this.acks.set(ackId, { done: ack, cancel: () => undefined });
    }
    const { text, binary } = encodeEvent(event, payload, ackId);
    // One write for the header frame and its attachments (ws keeps its TCP socket private).
    const tcp = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    tcp?.cork();
    try {
      this.ws.send(text);
      for (const bytes of binary) this.ws.send(bytes);
    } finally {
      tcp?.uncork();
    }
  }

  /** Emits and resolves with the ack's first argument; rejects after `timeoutMs` or if the socket ends. */
  request(event: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      this.emit(event, payload, (args) => (clearTimeout(timer), resolve(args[0])));
      const ackId = this.nextAckId - 1;
      const timer = setTimeout(() => {
        this.acks.delete(ackId);
        reject(new Error(`${event}: no ack in ${timeoutMs} ms`));
      }, timeoutMs);
      this.acks.get(ackId)!.cancel = (reason) => (clearTimeout(timer), reject(new Error(`${event}: ${reason}`)));
    });
  }

  /** Socket.IO DISCONNECT, then WebSocket close; no handler is called. */
  close(): void {
    if (this.phase === Phase.closed) return;
    if (this.phase === Phase.open) this.ws.send('41');
    this.shutDown('closed by the client');
    this.ws.close();
  }

  /** The hot path: one call per WebSocket frame. */
  private receive(frame: Buffer, isBinary: boolean): void {
    if (isBinary) {
      const pending = this.pending;
      this.pending = Pending.none;
      if (pending === Pending.update) return this.handlers.update(this.pendingBoard, frame);
      if (pending === Pending.skip) return;
      if (pending === Pending.packet) return this.attachment(frame);
      return this.fail('binary frame without a binary packet before it');
    }
    if (this.pending !== Pending.none) return this.fail('text frame while attachments were due');
    for (const memo of this.memos) {
      if (memo.frame.length === frame.length && memo.frame.equals(frame)) {
        this.pending = memo.kind;
        this.pendingBoard = memo.boardId;
        this.memoHits += 1;
        return;
      }
    }
    if (frame.length === 1 && frame[0] === PING) {
      this.heartbeat?.refresh();
      return this.ws.send('3');
    }
    try {
      this.engineText(frame);
    } catch (error) {
      this.fail(`protocol error: ${messageOf(error)}`);
    }
  }

  private engineText(frame: Buffer): void {
    const text = frame.toString('utf8');
    switch (text[0]) {
      case '0': {
        if (this.phase !== Phase.opening) throw new Error(`unexpected open ${text}`);
        const silence = heartbeatOf(text);
        this.heartbeat = setTimeout(() => this.fail(`no ping from the server in ${silence} ms`), silence);
        this.phase = Phase.connecting;
        this.ws.send(`4${PacketType.connect}${JSON.stringify(this.auth)}`);
        return;
      }
      case '1':
        return this.fail('the server closed the Engine.IO session');
      case '4':
        return this.socketPacket(decodePacket(text.slice(1)), frame);
      case '6':
        return;
      default:
        throw new Error(`unexpected Engine.IO packet ${text}`);
    }
  }

  private socketPacket(packet: Packet, frame: Buffer): void {
    if (packet.attachments > 0) {
      this.pending = Pending.packet;
      this.pendingPacket = { packet, frame: Buffer.from(frame), binary: [] };
      return;
    }
    switch (packet.type) {
      case PacketType.connect:
        if (this.phase !== Phase.connecting) throw new Error('unexpected CONNECT');
        this.phase = Phase.open;
        return this.connected?.resolve();
      case PacketType.connectError: {
        const message = (packet.data as { message?: unknown } | undefined)?.message;
        return this.fail(`connect_error ${typeof message === 'string' ? message : JSON.stringify(packet.data)}`);
      }
      case PacketType.disconnect:
        return this.fail('the server disconnected the socket');
      default:
        return this.deliver(packet, packet.data, null);
    }
  }

  private attachment(bytes: Buffer): void {
    const pending = this.pendingPacket!;
    pending.binary.push(new Uint8Array(bytes));
    if (pending.binary.length < pending.packet.attachments) {
      this.pending = Pending.packet;
      return;
    }
    this.pendingPacket = null;
    try {
      this.deliver(pending.packet, reconstruct(pending.packet.data, pending.binary), pending.frame);
    } catch (error) {
      this.fail(`protocol error: ${messageOf(error)}`);
    }
  }

  /** An EVENT or ACK with its attachments in place; `frame` is the text frame of a binary packet. */
  private deliver(packet: Packet, data: unknown, frame: Buffer | null): void {
    if (!Array.isArray(data)) throw new Error(`packet type ${packet.type} without an argument array`);
    if (packet.type === PacketType.ack || packet.type === PacketType.binaryAck) {
      const waiter = this.acks.get(packet.id);
      if (!waiter) throw new Error(`ack ${packet.id} that nothing waits for`);
      this.acks.delete(packet.id);
      return waiter.done(data);
    }
    if (packet.type !== PacketType.event && packet.type !== PacketType.binaryEvent) {
      throw new Error(`unexpected packet type ${packet.type}`);
    }
    if (packet.id >= 0) throw new Error(`the relay asked for an ack of ${String(data[0])}`);
    const [event, payload] = data as [unknown, unknown];
    const message = payload as { boardId?: unknown; update?: unknown } | null;
    const boardId = typeof message?.boardId === 'string' ? message.boardId : null;
    if (event === 'awareness:update') return this.remember(frame, packet, Pending.skip, boardId ?? '');
    if (event !== 'board:update') throw new Error(`unexpected event ${JSON.stringify(event)}`);
    if (boardId === null || !(message?.update instanceof Uint8Array)) throw new Error('malformed board:update');
    this.remember(frame, packet, Pending.update, boardId);
    this.handlers.update(boardId, message.update);
  }

  /** Lets a byte-identical text frame of a one-attachment event skip decoding next time. */
  private remember(frame: Buffer | null, packet: Packet, kind: Memo['kind'], boardId: string): void {
    if (!frame || packet.attachments !== 1 || this.memos.length >= MAX_MEMOS) return;
    this.memos.push({ frame, kind, boardId });
  }

  private fail(reason: string): void {
    if (this.phase === Phase.closed) return;
    const wasConnecting = this.shutDown(reason);
    this.ws.terminate();
    if (!wasConnecting) this.handlers.closed(reason);
  }

  /** Ends everything that waits; a pending connect rejects. Returns whether it was still connecting. */
  private shutDown(reason: string): boolean {
    const wasConnecting = this.phase !== Phase.open;
    this.phase = Phase.closed;
    clearTimeout(this.heartbeat);
    for (const waiter of this.acks.values()) waiter.cancel(reason);
    this.acks.clear();
    if (wasConnecting) this.connected?.reject(new Error(reason));
    return wasConnecting;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

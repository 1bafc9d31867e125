import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ClientSink, LoadClient } from '../load-client';
import { CursorEdits } from '../cursor-edits';
import { updateKey } from '../update-id';

/**
 * A load client for the peers of `bench:relay -- --against`: the y-protocols
 * sync protocol over one raw `ws` WebSocket, as lean as the Easel client
 * (lean-socket.ts): it decodes only a message's header and never applies what
 * it receives.
 *
 *   y-websocket: the document is the URL path; a message is
 *     varUint type (0 sync, 1 awareness) then, for sync, varUint step
 *     (0 step 1: a state vector, 1 step 2: an update, 2 update) and the bytes.
 *   Hocuspocus: every message starts with varString document name; the first
 *     one for a document must be an Auth message (type 2, token); updates are
 *     answered with SyncStatus (type 8, varUint 1 once applied), which this
 *     client records as the ack. Neither peer persists anything by default.
 */
export type YSyncDialect = 'y-websocket' | 'hocuspocus';

const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncReply: 4, syncStatus: 8 } as const;
const SYNC = { step1: 0, step2: 1, update: 2 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;

export class YSyncLoadClient implements LoadClient {
  private ws: WebSocket | null = null;
  private readonly edits = new CursorEdits();
  private closing = false;
  private synced: (() => void) | null = null;
  private authenticated: (() => void) | null = null;
  /** Hocuspocus answers updates in order, so its acks match sends first in, first out. */
  private readonly unacked: number[] = [];

  constructor(
    readonly index: number,
    private readonly url: string,
    private readonly boardId: string,
    private readonly sink: ClientSink,
    private readonly dialect: YSyncDialect,
  ) {}

  get expectsAcks(): boolean {
    return this.dialect === 'hocuspocus';
  }

  connect(timeoutMs: number): Promise<void> {
    const base = this.url.replace(/^http/, 'ws').replace(/\/$/, '');
    const ws = new WebSocket(this.dialect === 'y-websocket' ? `${base}/${this.boardId}` : base, {
      perMessageDeflate: false,
      skipUTF8Validation: true,
      allowSynchronousEvents: true,
    });
    ws.binaryType = 'nodebuffer';
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', (code) => {
      if (!this.closing) this.sink.fatal(`client ${this.index} disconnected: close ${code}`);
    });
    return within(timeoutMs, `client ${this.index}: no connection`, (resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
  }

  async join(timeoutMs: number): Promise<void> {
    if (this.dialect === 'hocuspocus') {
      const authenticated = within(timeoutMs, `client ${this.index}: not authenticated`, (resolve) => {
        this.authenticated = resolve;
      });
      this.send((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE.auth);
        encoding.writeVarUint(encoder, AUTH.token);
        encoding.writeVarString(encoder, '');
      });
      await authenticated;
    }
    const synced = within(timeoutMs, `client ${this.index}: no sync step 2`, (resolve) => {
      this.synced = resolve;
    });
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE.sync);
      encoding.writeVarUint(encoder, SYNC.step1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.edits.doc));
    });
    await synced;
  }

  prepare(count: number): void {
    this.edits.prepare(count);
  }

  sendEdit(): boolean {
    const update = this.edits.next();
    if (!update) return false;
    const sendIndex = this.sink.sent(this.index, updateKey(update), this.expectsAcks);
    if (this.expectsAcks) this.unacked.push(sendIndex);
    this.send((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE.sync);
      encoding.writeVarUint(encoder, SYNC.update);
      encoding.writeVarUint8Array(encoder, update);
    });
    return true;
  }

  close(): void {
    this.closing = true;
    this.ws?.terminate();
    this.edits.doc.destroy();
  }

  private send(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.boardId);
    write(encoder);
    this.ws!.send(encoding.toUint8Array(encoder));
  }

  private receive(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (this.dialect === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync || type === MESSAGE.syncReply) return this.receiveSync(decoder);
    if (type === MESSAGE.syncStatus) return this.receiveAck(decoding.readVarUint(decoder) === 1);
    if (type === MESSAGE.auth) {
      const verdict = decoding.readVarUint(decoder);
      if (verdict === AUTH.authenticated) this.authenticated?.();
      else this.sink.fatal(`client ${this.index}: authentication refused`);
    }
    // Awareness and anything else: not measured.
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === SYNC.step1) return; // the peer asking what we have: this client never needs to answer
    const update = decoding.readVarUint8Array(decoder);
    if (step === SYNC.step2) {
      this.synced?.();
      this.synced = null;
      return;
    }
    if (step === SYNC.update) this.sink.received(this.index, update);
  }

  private receiveAck(applied: boolean): void {
    const sendIndex = this.unacked.shift();
    if (sendIndex === undefined) return this.sink.fatal(`client ${this.index}: an ack for no update`);
    if (applied) this.sink.acked(sendIndex, { ok: true });
    else this.sink.acked(sendIndex, { ok: false, error: { code: 'INTERNAL', message: 'SyncStatus false' } });
  }
}

function within(
  timeoutMs: number,
  what: string,
  start: (resolve: () => void, reject: (error: Error) => void) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} in ${timeoutMs} ms`)), timeoutMs);
    start(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

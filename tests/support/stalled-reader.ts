import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeEvent, engineUrl } from '../../bench/relay/lean-codec';
import { PROTOCOL_VERSION } from '../../shared/protocol';

/**
 * A hostile guest that joins a board and then stops reading: its TCP socket
 * is paused, so everything the relay sends it piles up (first in the kernel's
 * buffers, then in the relay). Speaks Engine.IO v4 / Socket.IO over a raw
 * WebSocket, as a third-party client could.
 *
 * `pongs`: 'none' sends nothing after it stops; 'blind' sends an Engine.IO
 * pong every `blindPongEveryMs` whether or not a ping came (an unsolicited
 * pong kept engine.io 6.6 from ever timing the socket out); 'timed' sends one
 * each time the server's next ping is due (from the open packet's
 * pingInterval), so every pong looks like an answer though none was read.
 */
export type PongMode = 'none' | 'blind' | 'timed';

export interface StalledReaderOptions {
  boardId: string;
  pongs: PongMode;
  blindPongEveryMs?: number;
  token?: string;
  timeoutMs?: number;
  /** Another loopback address to connect from (127.0.0.2, …), to play another client IP. */
  localAddress?: string;
}

export class StalledReader {
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  private constructor(private readonly ws: WebSocket) {}

  /** Connects, joins `boardId`, waits for the join's answer, then stops reading. */
  static async join(url: string, options: StalledReaderOptions): Promise<StalledReader> {
    const ws = new WebSocket(engineUrl(url), { perMessageDeflate: false, localAddress: options.localAddress });
    const reader = new StalledReader(ws);
    const answered = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('stalled reader: no join answer in time')),
        options.timeoutMs ?? 10_000,
      );
      let interval = 0;
      ws.on('error', (error) => (clearTimeout(timer), reject(error)));
      ws.on('close', () => (clearTimeout(timer), reject(new Error('stalled reader: closed before its join answer'))));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return; // the join answer's attachment
        const text = data.toString();
        if (text.startsWith('0')) {
          interval = (JSON.parse(text.slice(1)) as { pingInterval: number }).pingInterval;
          const auth = { v: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) };
          ws.send(`40${JSON.stringify(auth)}`);
        } else if (text.startsWith('40')) {
          const { text: head, binary } = encodeEvent(
            'board:join',
            { boardId: options.boardId, stateVector: Y.encodeStateVector(new Y.Doc()) },
            0,
          );
          ws.send(head);
          for (const bytes of binary) ws.send(bytes);
        } else if (text === '2') {
          ws.send('3');
        } else if (text.startsWith('43') || text.startsWith('46')) {
          clearTimeout(timer);
          if (!text.includes('"ok":true')) reject(new Error(`stalled reader: join refused: ${text}`));
          else resolve(interval);
        } else if (text.startsWith('44')) {
          clearTimeout(timer);
          reject(new Error(`stalled reader: connect refused: ${text}`));
        }
      });
    });
    let pingInterval: number;
    try {
      pingInterval = await answered;
    } catch (error) {
      ws.terminate();
      throw error;
    }
    reader.stopReading(options, pingInterval);
    return reader;
  }

  /** Sends raw Engine.IO/Socket.IO text frames (e.g. a join) while still not reading. */
  send(text: string, binary: Uint8Array[] = []): void {
    if (this.closed) return;
    this.ws.send(text);
    for (const bytes of binary) this.ws.send(bytes);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pongTimer);
    this.ws.terminate();
  }

  private stopReading(options: StalledReaderOptions, pingInterval: number): void {
    const tcp = (this.ws as unknown as { _socket?: { pause(): void } })._socket;
    if (!tcp) throw new Error('stalled reader: no TCP socket to pause');
    this.ws.removeAllListeners('message');
    this.ws.removeAllListeners('close');
    this.ws.on('error', () => undefined);
    tcp.pause();
    const every = options.pongs === 'blind' ? (options.blindPongEveryMs ?? 1_000) : pingInterval + 300;
    if (options.pongs === 'none') return;
    const pong = () => {
      if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
      this.ws.send('3');
      this.pongTimer = setTimeout(pong, every);
    };
    this.pongTimer = setTimeout(pong, every);
  }
}

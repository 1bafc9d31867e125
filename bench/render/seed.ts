/**
 * Seeds a board through the real protocol, as a third-party client would: a
 * plain socket.io-client joins the board and sends the shapes as Yjs updates
 * (several, each under MAX_UPDATE_BYTES), waiting for every ack.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { parseShape, type Shape } from '../../shared/model';
import { EVENTS, MAX_UPDATE_BYTES, PROTOCOL_VERSION } from '../../shared/protocol';

/** Shapes per update; an update is checked against MAX_UPDATE_BYTES before it goes out. */
const SHAPES_PER_UPDATE = 2_000;
const ACK_TIMEOUT_MS = 60_000;

export interface SeedResult {
  updates: number;
  bytes: number;
  ms: number;
}

export async function seedBoard(url: string, boardId: string, shapes: readonly Shape[]): Promise<SeedResult> {
  for (const shape of shapes) {
    const parsed = parseShape(shape);
    if (!parsed.ok) throw new Error(`generated shape ${shape.id} is invalid: ${parsed.error}`);
  }
  const started = performance.now();
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    auth: { v: PROTOCOL_VERSION },
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    const doc = new Y.Doc();
    const joined = (await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(EVENTS.join, { boardId, stateVector: Y.encodeStateVector(doc) })) as { ok: boolean };
    if (!joined.ok) throw new Error(`board:join refused: ${JSON.stringify(joined)}`);

    const map = doc.getMap<unknown>('shapes');
    let bytes = 0;
    let updates = 0;
    for (let from = 0; from < shapes.length; from += SHAPES_PER_UPDATE) {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        for (const shape of shapes.slice(from, from + SHAPES_PER_UPDATE)) map.set(shape.id, shape);
      });
      const update = Y.encodeStateAsUpdate(doc, before);
      if (update.byteLength > MAX_UPDATE_BYTES) {
        throw new Error(
          `an update of ${SHAPES_PER_UPDATE} shapes is ${update.byteLength} bytes, over MAX_UPDATE_BYTES`,
        );
      }
      await sendPaced(socket, boardId, update);
      bytes += update.byteLength;
      updates++;
    }
    return { updates, bytes, ms: performance.now() - started };
  } finally {
    socket.close();
  }
}

/** Past its burst the relay takes a connection's updates at a bounded byte rate (a 100,000-shape seed passes it): retry what it refuses as RATE_LIMITED. */
const MAX_RATE_RETRIES = 600;

async function sendPaced(socket: Socket, boardId: string, update: Uint8Array): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(EVENTS.update, { boardId, update })) as {
      ok: boolean;
      error?: { code?: string };
    };
    if (ack.ok) return;
    if (ack.error?.code !== 'RATE_LIMITED' || attempt >= MAX_RATE_RETRIES) {
      throw new Error(`board:update refused: ${JSON.stringify(ack)}`);
    }
    await sleep(500);
  }
}

/**
 * A collaborator at a steady rate, as a third-party client of the protocol
 * (tests/support/protocol-client.ts): it joins the board, takes the relay's
 * copy of the doc, and writes N edits a second, each its own `board:update`:
 * three of four move an existing shape a little, the fourth adds a new shape
 * on top. The page under test receives them as any remote change.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { indicesBetween, parseShape, type Shape } from '../../shared/model';
import { EVENTS } from '../../shared/protocol';
import { connectRaw, type RawSocket, request } from '../../tests/support/protocol-client';
import { BOARD_AREA, generateShapes, seededRandom } from './shapes';

const ACK_TIMEOUT_MS = 30_000;
/** Updates written but not acknowledged yet; past this the peer waits rather than queue without bound. */
const MAX_IN_FLIGHT = 64;

export interface RemotePeerResult {
  /** Edits per second asked for. */
  rate: number;
  sent: number;
  acked: number;
  moves: number;
  added: number;
  /** Edits sent more than 50 ms after their due time (the peer fell behind). */
  late: number;
}

export interface RemotePeer {
  /** Writes edits at the rate until `stop`; resolves when the last one is acknowledged. */
  run(): Promise<void>;
  stop(): Promise<RemotePeerResult>;
}

export async function joinRemotePeer(url: string, boardId: string, rate: number): Promise<RemotePeer> {
  const socket = await connectRaw(url);
  const doc = new Y.Doc();
  const joined = await request<{ ok: boolean; update?: Uint8Array }>(
    socket,
    EVENTS.join,
    { boardId, stateVector: Y.encodeStateVector(doc) },
    ACK_TIMEOUT_MS,
  );
  if (!joined.ok || !joined.update) throw new Error(`remote peer: board:join refused: ${JSON.stringify(joined)}`);
  Y.applyUpdate(doc, new Uint8Array(joined.update));
  const map = doc.getMap<unknown>('shapes');
  const ids = [...map.keys()];
  const shapes = (id: string): Shape | undefined => {
    const parsed = parseShape(map.get(id));
    return parsed.ok ? parsed.shape : undefined;
  };
  let top = ids.reduce<string | null>((max, id) => {
    const index = shapes(id)?.index;
    return index !== undefined && (max === null || index > max) ? index : max;
  }, null);
  const random = seededRandom(boardId.length * 7919 + rate);
  const peerName = `peer-${doc.clientID.toString(36)}`;
  const result: RemotePeerResult = { rate, sent: 0, acked: 0, moves: 0, added: 0, late: 0 };
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  let running: Promise<void> = Promise.resolve();

  const edit = (n: number) => {
    const before = Y.encodeStateVector(doc);
    const id = ids[Math.floor(random() * ids.length)];
    const shape = id === undefined ? undefined : shapes(id);
    if (n % 4 === 3 || !shape) {
      const [index] = indicesBetween(top, null, 1);
      const [fresh] = generateShapes(1, 1_000_000 + n);
      if (!fresh || !index) return;
      // Named per peer: a second peer on the board must add shapes, not rewrite (and reorder) the first one's.
      const added = { ...fresh, id: `${peerName}-${n}`, index, x: random() * BOARD_AREA, y: random() * BOARD_AREA };
      map.set(added.id, added);
      ids.push(added.id);
      top = index;
      result.added++;
    } else {
      map.set(shape.id, { ...shape, x: shape.x + (random() - 0.5) * 60, y: shape.y + (random() - 0.5) * 60 });
      result.moves++;
    }
    send(socket, Y.encodeStateAsUpdate(doc, before));
  };
  const send = (to: RawSocket, update: Uint8Array) => {
    result.sent++;
    const sent: Promise<unknown> = request<{ ok: boolean }>(to, EVENTS.update, { boardId, update }, ACK_TIMEOUT_MS)
      .then((ack) => {
        if (ack.ok) result.acked++;
      })
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };

  return {
    run() {
      running = (async () => {
        const start = performance.now();
        for (let n = 0; !stopping; n++) {
          const due = start + (n * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          if (stopping) break;
          if (performance.now() - due > 50) result.late++;
          while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
          edit(n);
        }
        await Promise.allSettled(inFlight);
      })();
      return running;
    },
    async stop() {
      stopping = true;
      await running;
      socket.close();
      return result;
    },
  };
}

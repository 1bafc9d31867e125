import * as Y from 'yjs';
import { SHAPES_MAP } from '../../../renderer/doc/doc-layout';
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { connectRaw, request } from '../../support/protocol-client';

/** The shapes a board holds on a relay, read by a bare protocol client (what the relay has acked and stored). */
export async function shapesOnRelay(relayUrl: string, token: string, boardId: string): Promise<Map<string, unknown>> {
  const socket = await connectRaw(relayUrl, { v: PROTOCOL_VERSION, token });
  try {
    const joined = await request<{ ok: boolean; update?: Uint8Array }>(socket, 'board:join', {
      boardId,
      stateVector: Y.encodeStateVector(new Y.Doc()),
    });
    if (!joined.ok || !joined.update) throw new Error(`the relay refused board:join: ${JSON.stringify(joined)}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(joined.update));
    return new Map(doc.getMap<unknown>(SHAPES_MAP).entries());
  } finally {
    socket.close();
  }
}

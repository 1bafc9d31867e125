import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectRaw, type RawSocket, request } from '../../tests/support/protocol-client';
import { tempDir } from '../../tests/support/temp-dir';
import { waitFor } from '../../tests/support/wait';
import { createRelay, type RelayHandle } from '../relay';

let relay: RelayHandle | undefined;
let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
const sockets: RawSocket[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const socket of sockets.splice(0)) socket.close();
  await relay?.close();
  await dir?.remove();
});

/** The local port of a client's WebSocket: the relay's side of it has this as remotePort. */
function localPortOf(socket: RawSocket): number {
  const engine = socket.io.engine as unknown as { transport: { ws?: { _socket?: net.Socket } } };
  const port = engine.transport.ws?._socket?.localPort;
  if (!port) throw new Error('expected a WebSocket transport');
  return port;
}

describe('write coalescing', () => {
  it('sends a binary broadcast (two WebSocket frames) to a member with one write', async () => {
    dir = await tempDir('easel-coalesce-');
    relay = await createRelay({ port: 0, dataDir: dir.path });
    const [writer, reader] = [await connectRaw(relay.url), await connectRaw(relay.url)];
    sockets.push(writer, reader);
    for (const socket of [writer, reader]) {
      await request(socket, 'board:join', { boardId: 'b', stateVector: new Uint8Array([0]) });
    }
    const readerPort = localPortOf(reader);
    let received = 0;
    reader.on('board:update', () => received++);

    const writes: number[] = [];
    const original = (net.Socket.prototype as unknown as { _writeGeneric: (...args: unknown[]) => unknown })
      ._writeGeneric;
    vi.spyOn(net.Socket.prototype as unknown as { _writeGeneric: typeof original }, '_writeGeneric').mockImplementation(
      function (this: net.Socket & { server?: unknown }, ...args: unknown[]) {
        if (this.server && this.remotePort === readerPort) writes.push(1);
        return original.apply(this, args);
      },
    );

    const doc = new Y.Doc();
    doc.getMap('shapes').set('x', 1);
    writer.emit('board:update', { boardId: 'b', update: Y.encodeStateAsUpdate(doc) }, () => undefined);
    await waitFor(() => received === 1, 'the reader receives the update');
    expect(writes).toHaveLength(1);
  });
});

/**
 * One side of the mDNS test (lan-discovery.test.ts), run inside a network
 * namespace: `node --import tsx lan-discovery.peer.ts <id> <name> <port>`.
 * Announces a session and browses; prints one JSON line per change of what it
 * sees. On a stdin line "stop" it withdraws its announcement; on "exit" it
 * closes and exits.
 */
import { createInterface } from 'node:readline';
import { LanDiscovery } from './lan-discovery';

const [id = '', name = '', port = '0'] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const discovery = new LanDiscovery({
  selfId: id,
  onChange: (sessions) => print({ sessions }),
  onError: (error) => print({ error: String(error) }),
});

await discovery.advertise({ name, port: Number(port), appVersion: '0.0.0-test', boardId: 'retro' });
discovery.browse();
print({ advertising: true });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stop') {
    await discovery.stopAdvertising();
    print({ stopped: true });
  } else if (line === 'exit') {
    await discovery.close();
    process.exit(0);
  }
}

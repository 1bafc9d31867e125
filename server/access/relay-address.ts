/**
 * Where the relay holding a data dir listens, for the pass CLI (pass-cli.ts):
 * while a relay runs, the CLI must not write its files (the data-dir lock
 * says so), so it goes through that relay's host API, found here.
 *
 *   <data-dir>/access/relay.json   {"url":"http://127.0.0.1:4455","pid":1234,"hostApi":true}
 *
 * Written by every relay with a data dir once it listens. It may be left
 * behind by a relay that died; the CLI reads it only while the lock is held,
 * and the relay holding the lock has written its own by the time it answers.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../storage/fs-durable';
import { ACCESS_DIR } from './access-control';

export const RELAY_ADDRESS_FILE = 'relay.json';

const relayAddressSchema = z.strictObject({
  url: z.string().url().max(300),
  pid: z.number().int(),
  /** Whether it was started with a host token (so it has the API the CLI needs). */
  hostApi: z.boolean(),
});
export type RelayAddress = z.infer<typeof relayAddressSchema>;

/** A URL this machine reaches the relay at: a wildcard bind is reached on loopback. */
export function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export async function writeRelayAddress(dataDir: string, host: string, port: number, hostApi: boolean): Promise<void> {
  const dir = path.join(dataDir, ACCESS_DIR);
  await fs.mkdir(dir, { recursive: true });
  const address: RelayAddress = { url: localUrl(host, port), pid: process.pid, hostApi };
  await writeFileAtomically(dir, RELAY_ADDRESS_FILE, Buffer.from(`${JSON.stringify(address)}\n`));
}

/** The recorded address, or undefined when there is none (or it is not one). */
export async function readRelayAddress(dataDir: string): Promise<RelayAddress | undefined> {
  try {
    const text = await fs.readFile(path.join(dataDir, ACCESS_DIR, RELAY_ADDRESS_FILE), 'utf8');
    const parsed = relayAddressSchema.safeParse(JSON.parse(text.slice(0, 4096)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { summarize, type Summary } from './stats';

/**
 * How long one small append + fdatasync takes in `dir` (what the relay's group
 * commit pays per flush), so ack latencies can be read against the disk.
 */
export async function probeFsync(dir: string, rounds = 30): Promise<Summary> {
  const file = path.join(dir, 'fsync-probe.bin');
  const handle = await open(file, 'a');
  const times: number[] = [];
  try {
    const record = new Uint8Array(64);
    for (let i = 0; i < rounds; i++) {
      const start = process.hrtime.bigint();
      await handle.write(record);
      await handle.datasync();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  } finally {
    await handle.close();
    await rm(file, { force: true });
  }
  return summarize(times);
}

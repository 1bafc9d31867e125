import { describe, expect, it } from 'vitest';
import { parseIoBytes, processIoBytes } from './wire';

describe('parseIoBytes', () => {
  it('reads rchar and wchar', () => {
    const io = 'rchar: 1234\nwchar: 567\nsyscr: 8\nsyscw: 9\nread_bytes: 0\nwrite_bytes: 0\ncancelled_write_bytes: 0\n';
    expect(parseIoBytes(io)).toEqual({ read: 1234, written: 567 });
  });

  it('refuses text without them', () => {
    expect(() => parseIoBytes('syscr: 8\n')).toThrow(/rchar/);
  });

  it.runIf(process.platform === 'linux')('reads this process, whose counters only grow', () => {
    const before = processIoBytes(process.pid);
    processIoBytes(process.pid); // reading /proc is itself a read
    expect(processIoBytes(process.pid).read).toBeGreaterThan(before.read);
  });
});

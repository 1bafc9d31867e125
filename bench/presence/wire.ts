import { readFileSync } from 'node:fs';

/**
 * Bytes a process moved through read- and write-class syscalls (`rchar` and
 * `wchar` of /proc/<pid>/io, Linux). For the relay during the bench that is
 * its socket traffic: WebSocket frames in and out, without TCP/IP headers
 * (awareness never touches its storage, and it logs at warn level).
 */
export interface IoBytes {
  read: number;
  written: number;
}

export function parseIoBytes(procIo: string): IoBytes {
  const field = (name: string) => {
    const match = new RegExp(`^${name}: (\\d+)$`, 'm').exec(procIo);
    if (!match) throw new Error(`no ${name} in /proc/<pid>/io: ${procIo}`);
    return Number(match[1]);
  };
  return { read: field('rchar'), written: field('wchar') };
}

export function processIoBytes(pid: number): IoBytes {
  return parseIoBytes(readFileSync(`/proc/${pid}/io`, 'utf8'));
}

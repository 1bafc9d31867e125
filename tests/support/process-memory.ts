import { readFileSync } from 'node:fs';

/** Resident set size of a process in bytes (Linux: VmRSS of /proc/<pid>/status). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return kib * 1024;
}

/** Samples a process's RSS every `everyMs` until stopped; `peak()` is the largest seen (0 once the process is gone). */
export function watchResident(pid: number, everyMs = 100): { peak(): number; stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      // The process exited; what was seen stays.
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export const MiB = 1024 * 1024;

/**
 * Freezing a process (SIGSTOP) keeps its sockets open while it answers
 * nothing: a relay stuck on a slow disk. Windows has no such signal, so the
 * specs that need it skip there with this reason.
 */
export const FREEZE_UNSUPPORTED_REASON =
  process.platform === 'win32' ? 'Windows cannot freeze a process (no SIGSTOP), which this test needs' : null;

export function freezeProcess(pid: number): void {
  process.kill(pid, 'SIGSTOP');
}

export function thawProcess(pid: number): void {
  process.kill(pid, 'SIGCONT');
}

/**
 * Runs `action` at most once per `intervalMs`: at once when idle, then once
 * more at the end of the interval if calls came in meanwhile (so the last
 * state always goes out).
 */
export function throttle(action: () => void, intervalMs: number) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    action();
  };
  return {
    call(): void {
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    /** Sends a pending call now (e.g. right after a rejoin). */
    flush(): void {
      if (timer) clearTimeout(timer);
      run();
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

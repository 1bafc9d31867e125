/**
 * Code that runs inside the page (through page.evaluate). It is written
 * against the minimal types below, not the DOM lib, because bench/ is
 * type-checked with Node's types only. Keep these functions self-contained:
 * Playwright sends their source text, so they cannot use anything imported.
 */

interface ProbeState {
  deltas: number[];
  longTasks: number[];
  longTasksSupported: boolean;
  last: number;
  running: boolean;
  stop?: () => void;
}

interface PageGlobals {
  requestAnimationFrame(callback: (time: number) => void): number;
  performance: { now(): number };
  PerformanceObserver?: {
    new (callback: (list: { getEntries(): { duration: number }[] }) => void): {
      observe(options: { type: string; buffered?: boolean }): void;
      disconnect(): void;
    };
    readonly supportedEntryTypes?: readonly string[];
  };
  __easelRenderBench?: ProbeState;
}

export interface ProbeResult {
  deltas: number[];
  longTasks: number[];
  longTasksSupported: boolean;
}

/** Starts recording performance.now() deltas between animation frames, and long tasks if the browser reports them. */
export function startFrameProbe(): void {
  const g = globalThis as unknown as PageGlobals;
  const state: ProbeState = { deltas: [], longTasks: [], longTasksSupported: false, last: -1, running: true };
  g.__easelRenderBench = state;
  const Observer = g.PerformanceObserver;
  if (Observer && (Observer.supportedEntryTypes ?? []).includes('longtask')) {
    const observer = new Observer((list) => {
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    state.longTasksSupported = true;
    state.stop = () => observer.disconnect();
  }
  const onFrame = () => {
    if (!state.running) return;
    const now = g.performance.now();
    if (state.last >= 0) state.deltas.push(now - state.last);
    state.last = now;
    g.requestAnimationFrame(onFrame);
  };
  g.requestAnimationFrame(onFrame);
}

/** Stops the probe and returns what it recorded. */
export function stopFrameProbe(): ProbeResult {
  const g = globalThis as unknown as PageGlobals;
  const state = g.__easelRenderBench;
  if (!state) throw new Error('the frame probe was not started');
  state.running = false;
  state.stop?.();
  return { deltas: state.deltas, longTasks: state.longTasks, longTasksSupported: state.longTasksSupported };
}

/** esbuild (tsx) may wrap named functions in `__name(...)`; make that a no-op in the page. */
export const PAGE_NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

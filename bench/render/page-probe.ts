/**
 * Code that runs inside the page (through page.evaluate). It is written
 * against the minimal types below, not the DOM lib, because bench/ is
 * type-checked with Node's types only. Keep these functions self-contained:
 * Playwright sends their source text, so they cannot use anything imported.
 */

interface ProbeState {
  /** Between the frames' own timestamps (the rAF argument: when each frame began, on the vsync grid). */
  deltas: number[];
  /** Between performance.now() read inside the callbacks: the same frames plus main-thread scheduling jitter. */
  callbackDeltas: number[];
  lastFrame: number;
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
  callbackDeltas: number[];
  longTasks: number[];
  longTasksSupported: boolean;
}

/** Starts recording the time between animation frames (two ways, see ProbeState), and long tasks if the browser reports them. */
export function startFrameProbe(): void {
  const g = globalThis as unknown as PageGlobals;
  const state: ProbeState = {
    deltas: [],
    callbackDeltas: [],
    lastFrame: -1,
    longTasks: [],
    longTasksSupported: false,
    last: -1,
    running: true,
  };
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
  const onFrame = (frameTime: number) => {
    if (!state.running) return;
    const now = g.performance.now();
    if (state.last >= 0) state.callbackDeltas.push(now - state.last);
    if (state.lastFrame >= 0) state.deltas.push(frameTime - state.lastFrame);
    state.last = now;
    state.lastFrame = frameTime;
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
  return {
    deltas: state.deltas,
    callbackDeltas: state.callbackDeltas,
    longTasks: state.longTasks,
    longTasksSupported: state.longTasksSupported,
  };
}

/** esbuild (tsx) may wrap named functions in `__name(...)`; make that a no-op in the page. */
export const PAGE_NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/**
 * An init script (runs before the page's own) that notes when the board first
 * shows every one of `shapes`: `allAt`, the start of the first frame after the
 * canvas reports the full count (the frame whose draw paints them, the static
 * layer drawing in a frame callback registered after this one), and
 * `paintedAt`, the start of the frame after it, by which that frame is on
 * screen. Both in ms since navigation start.
 */
export function joinProbeScript(shapes: number): string {
  return `(() => {
    const state = { allAt: -1, paintedAt: -1 };
    globalThis.__easelJoinProbe = state;
    const tick = () => {
      if (state.allAt >= 0) { state.paintedAt = performance.now(); return; }
      const canvas = document.querySelector('[data-testid="board-canvas"]');
      if (canvas && canvas.getAttribute('data-shape-count') === '${shapes}') state.allAt = performance.now();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;
}

export interface JoinProbe {
  allAt: number;
  paintedAt: number;
}

/** What joinProbeScript noted; -1 for what has not happened yet. */
export function readJoinProbe(): JoinProbe {
  const state = (globalThis as unknown as { __easelJoinProbe?: JoinProbe }).__easelJoinProbe;
  return state ? { allAt: state.allAt, paintedAt: state.paintedAt } : { allAt: -1, paintedAt: -1 };
}

/**
 * Code that runs inside the pages (through page.evaluate), written against
 * the minimal types below because bench/ is type-checked without the DOM
 * lib. Keep each function self-contained: Playwright sends its source text.
 * Times are Date.now(): the one clock both pages and the bench share.
 */

interface PageElement {
  getBoundingClientRect(): { left: number; top: number };
  style: { transform: string };
  isConnected: boolean;
}

interface ProbeWindow {
  document: { querySelector(selector: string): PageElement | null };
  addEventListener(
    type: 'pointermove',
    listener: (event: { clientX: number; clientY: number }) => void,
    options: { capture: boolean },
  ): void;
  requestAnimationFrame(callback: () => void): number;
  __easelPresenceBench?: { pointer: number[]; frames: number[]; watching: boolean };
}

/**
 * On the Mover's page: logs every pointermove as [t, x, y] relative to the
 * board canvas, as the presence input reads it (use-presence-input.ts).
 */
export function startPointerLog(): void {
  const page = globalThis as unknown as ProbeWindow;
  const state = { pointer: [] as number[], frames: [] as number[], watching: false };
  page.__easelPresenceBench = state;
  const canvas = page.document.querySelector('[data-testid="board-canvas"]');
  if (!canvas) throw new Error('no board canvas on the page');
  page.addEventListener(
    'pointermove',
    (event) => {
      const rect = canvas.getBoundingClientRect();
      state.pointer.push(Date.now(), event.clientX - rect.left, event.clientY - rect.top);
    },
    { capture: true },
  );
}

/** The pointer log so far as flat [t, x, y, …], emptied. */
export function takePointerLog(): number[] {
  const state = (globalThis as unknown as ProbeWindow).__easelPresenceBench;
  if (!state) throw new Error('the pointer log was not started');
  return state.pointer.splice(0);
}

/**
 * On the Watcher's page: once per animation frame, where `name`'s cursor is
 * drawn (its transform, RemoteCursors.tsx), as [t, x, y] with NaN while it
 * is not on the page. Started after the board is up, so RemoteCursors'
 * frame callback runs before this one in each frame and this reads what the
 * frame shows.
 */
export function startCursorFrames(name: string): void {
  const page = globalThis as unknown as ProbeWindow;
  const state = { pointer: [] as number[], frames: [] as number[], watching: true };
  page.__easelPresenceBench = state;
  const selector = `[data-testid="remote-cursor"][data-name="${name}"]`;
  let cursor: PageElement | null = null;
  const onFrame = () => {
    if (!state.watching) return;
    if (!cursor?.isConnected) cursor = page.document.querySelector(selector);
    const match = cursor ? /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(cursor.style.transform) : null;
    state.frames.push(Date.now(), match ? Number(match[1]) : NaN, match ? Number(match[2]) : NaN);
    page.requestAnimationFrame(onFrame);
  };
  page.requestAnimationFrame(onFrame);
}

/** The frames so far as flat [t, x, y, …], emptied. */
export function takeCursorFrames(): number[] {
  const state = (globalThis as unknown as ProbeWindow).__easelPresenceBench;
  if (!state) throw new Error('the cursor probe was not started');
  return state.frames.splice(0);
}

export function stopCursorFrames(): void {
  const state = (globalThis as unknown as ProbeWindow).__easelPresenceBench;
  if (state) state.watching = false;
}

interface SocketWindow {
  WebSocket: new (
    url: string,
    protocols?: string | string[],
  ) => {
    addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  };
  __easelPresenceReceipts?: number[];
}

/**
 * An init script for the Watcher's page, before the app opens its socket:
 * every binary WebSocket message (a presence update is one) is decoded as a
 * y-protocols awareness update, and each entry of `name` with a cursor is
 * logged as [t, x, y] as it arrives, before the app handles it. So the time
 * to the Watcher's socket and the time from there to the screen can be told
 * apart. Anything else binary does not decode and is ignored.
 */
export function installReceiptProbe(name: string): void {
  const page = globalThis as unknown as SocketWindow;
  const receipts: number[] = [];
  page.__easelPresenceReceipts = receipts;
  const needle = `"name":${JSON.stringify(name)}`;
  const decoder = new TextDecoder();
  const Native = page.WebSocket;
  const onMessage = (event: { data: unknown }) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const t = Date.now();
    const bytes = new Uint8Array(event.data);
    let pos = 0;
    const varUint = () => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = bytes[pos++];
        if (byte === undefined) throw new Error('truncated');
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return value;
      }
    };
    try {
      const entries = varUint();
      for (let i = 0; i < entries; i++) {
        varUint(); // client id
        varUint(); // clock
        const length = varUint();
        const json = decoder.decode(bytes.subarray(pos, pos + length));
        pos += length;
        if (!json.includes(needle)) continue;
        const state = JSON.parse(json) as { cursor?: { x: number; y: number } | null };
        if (state.cursor) receipts.push(t, state.cursor.x, state.cursor.y);
      }
    } catch {
      // not an awareness update
    }
  };
  page.WebSocket = class extends Native {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app's own handler, so this runs first.
      this.addEventListener('message', onMessage);
    }
  };
}

/** The receipts so far as flat [t, x, y, …], emptied. */
export function takeReceipts(): number[] {
  const receipts = (globalThis as unknown as SocketWindow).__easelPresenceReceipts;
  if (!receipts) throw new Error('the receipt probe was not installed');
  return receipts.splice(0);
}

/** esbuild (tsx) may wrap named functions in `__name(...)`; make that a no-op in the page. */
export const PAGE_NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

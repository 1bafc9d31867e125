import type { EaselDesktopApi } from '../../../shared/desktop/api';
import type { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../../shared/desktop/channels';

/** What the page-side shim needs from Node: the channel tables and the names of the two bindings. */
export interface ShimConfig {
  invokeChannels: typeof INVOKE_CHANNELS;
  pushChannels: typeof PUSH_CHANNELS;
  os: 'darwin' | 'win32' | 'linux' | 'other';
  /** `(channel, payload) => Promise<result>`: one desktop call, like `ipcRenderer.invoke`. */
  invokeBinding: string;
  /** Called once per document, as Electron's `did-navigate` would be seen by the main process. */
  documentBinding: string;
  /** The page function Node calls to deliver a push, like `webContents.send`. */
  pushFunction: string;
}

type Wire = (value: unknown) => unknown;

/**
 * The page half of the desktop bridge: builds `window.easel` with the shape
 * electron/preload/index.ts gives it, each call going to Node through a
 * Playwright binding. Runs as an init script, so it is serialized: it may use
 * only its arguments and the page's globals. Kept as close to the preload as
 * the transport allows; any change to the preload's API belongs here too
 * (`satisfies EaselDesktopApi` checks the shape at compile time).
 */
export function installEaselShim(toWire: Wire, fromWire: Wire, config: ShimConfig): void {
  const page = window as unknown as Record<string, unknown>;
  const invoke = page[config.invokeBinding] as (channel: string, payload: unknown) => Promise<unknown>;
  Reflect.deleteProperty(page, config.invokeBinding);
  void (page[config.documentBinding] as () => Promise<void>)();
  Reflect.deleteProperty(page, config.documentBinding);

  type InvokeKey = keyof ShimConfig['invokeChannels'];
  type PushKey = keyof ShimConfig['pushChannels'];
  const call =
    (key: InvokeKey) =>
    async (request?: unknown): Promise<never> =>
      fromWire(await invoke(config.invokeChannels[key], toWire(request))) as never;

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  Object.defineProperty(window, config.pushFunction, {
    value: (channel: string, payload: unknown) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(fromWire(payload));
    },
  });
  const subscribe = (key: PushKey, onFirstListener?: () => void) => {
    let first = true;
    return (listener: (payload: never) => void): (() => void) => {
      if (typeof listener !== 'function') throw new TypeError('easel: a listener must be a function');
      if (first) onFirstListener?.();
      first = false;
      const channel = config.pushChannels[key];
      const forward = (payload: unknown) => listener(payload as never);
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(forward));
      return () => void set.delete(forward);
    };
  };

  const api = {
    platform: 'desktop',
    os: config.os,
    relay: { info: call('relayInfo'), onChange: subscribe('relayChanged', () => void call('relayFollow')()) },
    share: {
      start: call('shareStart'),
      stop: call('shareStop'),
      status: call('shareStatus'),
      onChange: subscribe('shareChanged'),
    },
    join: {
      discovered: call('joinDiscovered'),
      onDiscoveredChange: subscribe('discoveredChanged'),
      recent: call('joinRecent'),
      remember: call('joinRemember'),
      forget: call('joinForget'),
      parse: call('joinParse'),
      probe: call('joinProbe'),
    },
    files: { open: call('fileOpen'), save: call('fileSave'), write: call('fileWrite') },
    menu: { setTemplate: call('menuSet'), onAction: subscribe('menuAction') },
    launch: { takePending: call('launchTake'), onOpen: subscribe('launchOpen') },
    updates: {
      status: call('updateStatus'),
      restart: call('updateRestart'),
      reportPending: call('updatePending'),
      onChange: subscribe('updateChanged'),
    },
  } satisfies EaselDesktopApi;
  // contextBridge hands the page a frozen copy; so does this.
  const freeze = (value: object): object => {
    for (const inner of Object.values(value)) if (inner !== null && typeof inner === 'object') freeze(inner);
    return Object.freeze(value);
  };
  Object.defineProperty(window, 'easel', { value: freeze(api), enumerable: true });
}

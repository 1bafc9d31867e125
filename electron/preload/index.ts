import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EaselDesktopApi, PushPayloads } from '../../shared/desktop/api';
import { INVOKE_CHANNELS, type InvokeChannelKey, PUSH_CHANNELS } from '../../shared/desktop/channels';

/**
 * The renderer's only door to the desktop (docs/ARCHITECTURE.md#ipc): `window.easel`, typed
 * by EaselDesktopApi. Each call is one `ipcRenderer.invoke` on a fixed
 * channel; the main process validates the payload and the sender. Listeners
 * get the payload only, never the IpcRendererEvent (whose `sender` would
 * hand the page ipcRenderer itself).
 *
 * Sandboxed preloads are CommonJS and can require only `electron`, so this
 * file imports nothing at runtime but the channel names (shared/desktop/
 * channels.ts, which imports nothing).
 */

const call =
  (key: InvokeChannelKey) =>
  (request?: unknown): Promise<never> =>
    ipcRenderer.invoke(INVOKE_CHANNELS[key], request) as Promise<never>;

function subscribe<K extends keyof PushPayloads>(key: K, onFirstListener?: () => void) {
  let first = true;
  return (listener: (payload: PushPayloads[K]) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('easel: a listener must be a function');
    if (first) onFirstListener?.();
    first = false;
    const forward = (_event: IpcRendererEvent, payload: PushPayloads[K]) => listener(payload);
    ipcRenderer.on(PUSH_CHANNELS[key], forward);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNELS[key], forward);
    };
  };
}

const os: EaselDesktopApi['os'] =
  process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux'
    ? process.platform
    : 'other';

const api: EaselDesktopApi = {
  platform: 'desktop',
  os,
  relay: {
    info: call('relayInfo'),
    // A page listening for moves reconnects itself; the main process stops reloading it.
    onChange: subscribe('relayChanged', () => void call('relayFollow')()),
  },
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
};

contextBridge.exposeInMainWorld('easel', api);

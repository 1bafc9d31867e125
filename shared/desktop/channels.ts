/**
 * IPC channel names between the desktop renderer and the main process
 * (docs/ARCHITECTURE.md#ipc). Plain strings, no imports: the sandboxed preload bundles this
 * file and nothing else of ours.
 */

/** Renderer → main, request/response (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE_CHANNELS = {
  relayInfo: 'easel:relay:info',
  /** This page reconnects by itself when the relay moves, so the main process need not reload it. */
  relayFollow: 'easel:relay:follow',
  shareStart: 'easel:share:start',
  shareStop: 'easel:share:stop',
  shareStatus: 'easel:share:status',
  joinDiscovered: 'easel:join:discovered',
  joinRecent: 'easel:join:recent',
  joinRemember: 'easel:join:remember',
  joinForget: 'easel:join:forget',
  joinParse: 'easel:join:parse',
  joinProbe: 'easel:join:probe',
  fileOpen: 'easel:file:open',
  fileSave: 'easel:file:save',
  fileWrite: 'easel:file:write',
  menuSet: 'easel:menu:set',
  launchTake: 'easel:launch:take',
  updateStatus: 'easel:update:status',
  /** Restart now to install the downloaded update, once this app's windows have no unacknowledged changes. */
  updateRestart: 'easel:update:restart',
  /** How many changes this window's board has that its relay has not acknowledged. */
  updatePending: 'easel:update:pending',
} as const;

export type InvokeChannelKey = keyof typeof INVOKE_CHANNELS;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeChannelKey];

/** Main → renderer, one-way (`webContents.send` / `ipcRenderer.on`). */
export const PUSH_CHANNELS = {
  /** The embedded relay moved (started, shared, unshared, restarted after a crash): reconnect. */
  relayChanged: 'easel:relay:changed',
  shareChanged: 'easel:share:changed',
  discoveredChanged: 'easel:join:discovered-changed',
  /** A native menu item was chosen: perform this action id. */
  menuAction: 'easel:menu:action',
  /** A `.easel` file or an `easel://` link reached the app (second instance, open-file, protocol). */
  launchOpen: 'easel:launch:open',
  /** The app's update moved on (found, downloading, downloaded, waiting for saves, installing). */
  updateChanged: 'easel:update:changed',
} as const;

export type PushChannelKey = keyof typeof PUSH_CHANNELS;
export type PushChannel = (typeof PUSH_CHANNELS)[PushChannelKey];

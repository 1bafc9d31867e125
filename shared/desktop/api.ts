/**
 * `window.easel`: everything the desktop renderer can ask of the main process
 * (docs/ARCHITECTURE.md#ipc). The preload exposes exactly this; `renderer/platform` wraps it.
 *
 * Calls resolve to a DesktopResult and never reject for a refused request:
 * `{ ok: false, error: { code, message } }` says what was wrong (a bad
 * payload, a port in use, a file too large) in words fit for a person.
 * Subscriptions return a function that unsubscribes.
 */
import type { InvokeChannelKey, PushChannelKey } from './channels';
import type { InvokeRequest, InvokeResponse } from './contract';
import type { MenuActionEvent } from './menu';
import type { DesktopResult, DiscoveredSession, LaunchOpen, RelayInfo, ShareStatus } from './schemas';
import type { UpdateStatus } from './updates';

export type Unsubscribe = () => void;
type Call<K extends InvokeChannelKey> = (request: InvokeRequest<K>) => Promise<DesktopResult<InvokeResponse<K>>>;
type CallWithoutRequest<K extends InvokeChannelKey> = () => Promise<DesktopResult<InvokeResponse<K>>>;
type Subscribe<T> = (listener: (payload: T) => void) => Unsubscribe;

/** The payload of each push channel. */
export interface PushPayloads {
  relayChanged: RelayInfo;
  shareChanged: ShareStatus;
  discoveredChanged: DiscoveredSession[];
  menuAction: MenuActionEvent;
  launchOpen: LaunchOpen;
  updateChanged: UpdateStatus;
}
export type PushPayload<K extends PushChannelKey> = PushPayloads[K];

export interface EaselDesktopApi {
  readonly platform: 'desktop';
  /** The OS, for labels and conventions (Cmd vs Ctrl). */
  readonly os: 'darwin' | 'win32' | 'linux' | 'other';

  readonly relay: {
    /** The embedded relay: where to connect and the token to present. */
    info: CallWithoutRequest<'relayInfo'>;
    /**
     * The relay moved or restarted: reconnect to `url` with `token`, then resync.
     * Subscribing tells the main process that this page follows moves itself;
     * a page that never subscribes is reloaded with the new `?relay=&t=`.
     */
    onChange: Subscribe<RelayInfo>;
  };

  readonly share: {
    /** Opens the relay to the LAN with a fresh session token. */
    start: (request?: InvokeRequest<'shareStart'>) => Promise<DesktopResult<ShareStatus>>;
    /** Closes LAN access and disconnects the guests; this app keeps working. */
    stop: CallWithoutRequest<'shareStop'>;
    status: (request?: InvokeRequest<'shareStatus'>) => Promise<DesktopResult<ShareStatus>>;
    /** Guests came or went, or sharing started or stopped. Links here point at the relay's home page. */
    onChange: Subscribe<ShareStatus>;
  };

  readonly join: {
    /** Sessions announced on the LAN (mDNS `_easel._tcp`), this app's own excluded. */
    discovered: CallWithoutRequest<'joinDiscovered'>;
    onDiscoveredChange: Subscribe<DiscoveredSession[]>;
    recent: CallWithoutRequest<'joinRecent'>;
    remember: Call<'joinRemember'>;
    forget: Call<'joinForget'>;
    /** A pasted link, or an address plus a typed token, as a join target; errors are for people. */
    parse: Call<'joinParse'>;
    /** Whether a relay answers, speaks our protocol and takes the token, before the renderer connects. */
    probe: Call<'joinProbe'>;
  };

  readonly files: {
    /** A native open dialog; the file's bytes come back, read within the kind's size limit. */
    open: Call<'fileOpen'>;
    /** A native save dialog, then an atomic write (temp file, fsync, rename). */
    save: Call<'fileSave'>;
    /** Writes again to a path a dialog or a launch handed out during this run; any other path is refused. */
    write: Call<'fileWrite'>;
  };

  readonly menu: {
    /** Replaces the native menu; send again whenever labels, enabled or checked states change. */
    setTemplate: Call<'menuSet'>;
    /** A menu item was chosen: perform the action with this id. */
    onAction: Subscribe<MenuActionEvent>;
  };

  readonly launch: {
    /** Files and links that reached the app before the renderer listened; call once after subscribing. */
    takePending: CallWithoutRequest<'launchTake'>;
    /** A `.easel` file or `easel://` link handed to the running app. */
    onOpen: Subscribe<LaunchOpen>;
  };

  readonly updates: {
    /** Where the app's own update is: checked at start and from Help → Check for Updates, downloaded in the background. */
    status: CallWithoutRequest<'updateStatus'>;
    /**
     * Restart to install the downloaded update. While any window has changes its
     * relay has not acknowledged, the phase is `waiting-for-save` and the restart
     * happens once they are; UNAVAILABLE when no update is downloaded.
     */
    restart: CallWithoutRequest<'updateRestart'>;
    /** Tells the main process how many of this window's changes are unacknowledged; send on every change. */
    reportPending: Call<'updatePending'>;
    onChange: Subscribe<UpdateStatus>;
  };
}

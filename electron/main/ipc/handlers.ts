import {
  type DiscoveredSession,
  type JoinTargetPayload,
  type MenuTemplate,
  parseJoinInput,
  type ProbeResult,
} from '../../../shared/desktop';
import type { FileService } from '../files/file-service';
import type { RecentJoins } from '../join/recent-joins';
import type { LaunchQueue } from '../launch/launch-queue';
import type { SharingController } from '../sharing/sharing-controller';
import type { Updates } from '../updates/update-controller';
import { DesktopFailure } from './desktop-failure';
import type { IpcHandlers } from './dispatcher';
import type { IpcSender } from './sender';

export interface DesktopServices {
  sharing: SharingController;
  /** LAN discovery; browsing starts the first time the renderer asks. */
  discovery: { browse(): void; sessions(): DiscoveredSession[] };
  recents: RecentJoins;
  probe(target: JoinTargetPayload): Promise<ProbeResult>;
  files: FileService;
  /** The sending page reconnects by itself when the relay moves (until it navigates). */
  followRelay(sender: IpcSender): void;
  /** Replaces the application menu (for the window that sent it). */
  setMenu(items: MenuTemplate, sender: IpcSender): void;
  launch: LaunchQueue;
  /** The app's own updates; each window reports its unacknowledged changes here. */
  updates: Updates;
}

/** What each desktop call does, once the dispatcher has checked who asked and what they sent. */
export function createIpcHandlers(services: DesktopServices): IpcHandlers {
  return {
    relayInfo: () => services.sharing.relayInfo(),
    relayFollow: (_request, { sender }) => {
      services.followRelay(sender);
      return undefined;
    },
    shareStart: (request) => services.sharing.share(request ?? {}),
    shareStop: () => services.sharing.stopSharing(),
    shareStatus: () => services.sharing.status(),
    joinDiscovered: () => {
      services.discovery.browse();
      return services.discovery.sessions();
    },
    joinRecent: () => services.recents.list(),
    joinRemember: (entry) => services.recents.remember(entry),
    joinForget: (entry) => services.recents.forget(entry),
    joinParse: ({ text, token }) => {
      const parsed = parseJoinInput(text, token);
      if (!parsed.ok) throw new DesktopFailure('BAD_REQUEST', parsed.message);
      return parsed.target;
    },
    joinProbe: (target) => services.probe(target),
    fileOpen: ({ kind }) => services.files.open(kind),
    fileSave: (request) => services.files.save(request),
    fileWrite: (request) => services.files.write(request),
    menuSet: (items, { sender }) => {
      services.setMenu(items, sender);
      return undefined;
    },
    launchTake: () => services.launch.take(),
    updateStatus: () => services.updates.status(),
    updateRestart: () => {
      const status = services.updates.requestRestart();
      if (status.phase !== 'waiting-for-save' && status.phase !== 'installing') {
        throw new DesktopFailure('UNAVAILABLE', 'No update has been downloaded yet.');
      }
      return status;
    },
    updatePending: ({ pending }, { sender }) => {
      services.updates.reportPending(sender.webContentsId, pending);
      return undefined;
    },
  };
}

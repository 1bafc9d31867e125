/**
 * What the window says about the app's own update (shared/desktop/updates.ts):
 * nothing while it checks or downloads in the background, then that it is
 * ready with a "Restart to update" button, that the restart waits for the
 * board's changes to be saved, and that it is restarting.
 */
import type { UpdateStatus } from '../../../shared/desktop/updates';

export interface UpdateNoticeView {
  message: string;
  /** Offer "Restart to update". */
  canRestart: boolean;
}

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

export function updateNotice(status: UpdateStatus | null): UpdateNoticeView | null {
  switch (status?.phase) {
    case 'downloaded':
      return {
        message: status.version ? `Easel ${status.version} is ready to install.` : 'An update is ready to install.',
        canRestart: true,
      };
    case 'waiting-for-save': {
      const left = status.pending > 0 ? ` (${changes(status.pending)} not saved yet)` : '';
      return { message: `Waiting for your changes to be saved before restarting…${left}`, canRestart: false };
    }
    case 'installing':
      return { message: 'Restarting to update…', canRestart: false };
    default:
      return null;
  }
}

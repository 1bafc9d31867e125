/**
 * Files and links the OS hands the desktop app (docs/ARCHITECTURE.md#launch-routing): a `.easel` file
 * opens as a new board, an `easel://join` link opens the join screen with
 * its target (which asks before contacting that relay), and what cannot be
 * opened is said in words. Subscribes first,
 * then takes what arrived before the page listened, once.
 */
import type { EaselDesktopApi } from '../../../shared/desktop/api';
import type { JoinTargetPayload, LaunchOpen } from '../../../shared/desktop/schemas';
import type { Notice } from '../../state/notices';
import { boardFromFile } from '../../routing/board-from-file';
import type { SeedImages } from '../../routing/board-seeds';

export interface LaunchTargets {
  /** Opens a new board whose first content is this Yjs update. */
  openNewBoard(update: Uint8Array, images: SeedImages): void;
  join(target: JoinTargetPayload): void;
  notify(notice: Notice): void;
}

export function routeLaunch(open: LaunchOpen, targets: LaunchTargets): void {
  switch (open.kind) {
    case 'file': {
      const board = boardFromFile(open.file.name, open.file.bytes);
      if (!board.ok) return targets.notify({ kind: 'error', message: board.message });
      targets.openNewBoard(board.update, board.images);
      if (board.skipped > 0) {
        targets.notify({
          kind: 'warning',
          message: `Opened “${open.file.name}”, leaving out ${board.skipped} invalid shape${board.skipped === 1 ? '' : 's'}.`,
        });
      }
      return;
    }
    case 'join':
      return targets.join(open.target);
    case 'invalid':
      return targets.notify({ kind: 'error', message: `Could not open ${open.input}: ${open.message}` });
  }
}

export function connectLaunch(api: Pick<EaselDesktopApi, 'launch'>, targets: LaunchTargets): () => void {
  let connected = true;
  const unsubscribe = api.launch.onOpen((open) => routeLaunch(open, targets));
  void api.launch.takePending().then((result) => {
    if (!connected) return;
    if (!result.ok) return targets.notify({ kind: 'error', message: result.error.message });
    for (const open of result.value) routeLaunch(open, targets);
  });
  return () => {
    connected = false;
    unsubscribe();
  };
}

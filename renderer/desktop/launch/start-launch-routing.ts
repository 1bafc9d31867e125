import { newBoardId } from '../../routing/board-id';
import { seedBoard } from '../../routing/board-seeds';
import { navigate } from '../../routing/navigation';
import { boardPath } from '../../routing/route';
import { desktopApi } from '../desktop-api';
import { requestJoin } from '../join/join-request';
import { appNotices } from './app-notices';
import { connectLaunch } from './launch-routing';

/**
 * Once per page, outside React (whose effects may run twice): the main
 * process hands out what arrived before the page listened exactly once.
 */
export function startLaunchRouting(): void {
  const api = desktopApi();
  if (!api) return;
  connectLaunch(api, {
    openNewBoard(update, images) {
      const id = newBoardId();
      seedBoard(id, update, images);
      navigate(boardPath(id));
    },
    join: requestJoin,
    notify: (notice) => appNotices.getState().show(notice),
  });
}

import type { ShareStatus } from '../../shared/desktop';
import { AccessApi } from '../support/access-api';
import { BoardPage } from '../e2e/pages/board-page';
import { CanvasPage } from '../e2e/pages/canvas-page';
import { desktop, expect, openBoard, runningRelay, test } from './fixtures';

/**
 * Sharing on the LAN between two instances of the app, each with its own
 * profile, over loopback: the guest joins the host's shared relay with an
 * edit pass for the board, both draw on one board, and stopping sharing cuts the guest
 * off while the host carries on.
 */
test('shared on the LAN, a board is joined by a second instance; stopping sharing cuts the guest off', async ({
  easel,
}) => {
  const host = await easel.start();
  await openBoard(host.page, await runningRelay(host.page), 'lan-e2e');
  await expect(new BoardPage(host.page).status).toHaveText('Saved');
  await new CanvasPage(host.page).drawRectangle([80, 80], [200, 160]);
  await expect(new BoardPage(host.page).status).toHaveText('Saved');

  const shared = await desktop<ShareStatus, string>(
    host.page,
    (api, board) => api.share.start({ boardId: board }),
    'lan-e2e',
  );
  if (!shared.sharing) throw new Error('not sharing');
  for (const address of shared.addresses) expect(address.relayUrl).toBe(`http://${address.address}:${shared.port}`);
  // The relay moved to all interfaces; the host's open board follows it.
  await expect(new BoardPage(host.page).status).toHaveText('Saved', { timeout: 15_000 });
  const hostRelay = await runningRelay(host.page);
  const pass = await new AccessApi(hostRelay.url, hostRelay.token).createPass('lan-e2e', { role: 'editor' });

  const guest = await easel.start();
  expect(guest.profile).not.toBe(host.profile);
  await openBoard(guest.page, { url: `http://127.0.0.1:${shared.port}`, token: pass.token }, 'lan-e2e');
  await expect(new CanvasPage(guest.page).canvas).toHaveAttribute('data-shape-count', '1');
  await new CanvasPage(guest.page).drawRectangle([300, 100], [400, 180]);
  await expect(new CanvasPage(host.page).canvas).toHaveAttribute('data-shape-count', '2');
  await expect
    .poll(async () => {
      const status = await desktop<ShareStatus, null>(host.page, (api) => api.share.status(), null);
      return status.sharing ? status.guests : -1;
    })
    .toBe(1);

  expect(await desktop<ShareStatus, null>(host.page, (api) => api.share.stop(), null)).toEqual({ sharing: false });
  await expect(new BoardPage(guest.page).status).not.toHaveText('Saved', { timeout: 15_000 });
  await expect(new BoardPage(host.page).status).toHaveText('Saved', { timeout: 15_000 });
});

import { once } from 'node:events';
import net from 'node:net';
import QRCode from 'qrcode';
import { modulesFromPath } from '../../renderer/desktop/share/qr-code';
import { formatEaselJoinLink } from '../../shared/desktop/links';
import { freePort } from '../support/free-port';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { ShareDialog } from './pages/share-dialog';
import { shapesOnRelay } from './support/relay-shapes';

/** The LAN address the bridge's fixed interfaces offer (TEST-NET-1; nothing is ever sent to it). */
const LAN_ADDRESS = '192.0.2.10';
/** The level the dialog draws its QR codes with. */
const QR_ERROR_CORRECTION = 'M';

function qrModulesOf(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => modules.data[row * modules.size + column] === 1),
  );
}

/** A pass token as the relay makes them (shared/access PASS_TOKEN_PATTERN). */
const PASS_TOKEN = '[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}';

test('share on LAN: an Edit link and a View link with QR and Copy, a real guest joins and is counted, stop sharing cuts it off and the host keeps working', async ({
  desktop,
  page,
  browser,
}) => {
  const boardId = 'share-e2e';
  const host = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const share = new ShareDialog(page);
  await desktop.openBoard(boardId);
  await expect(host.status).toHaveText('Saved');
  await expect(share.indicator).toHaveCount(0);

  await share.open();
  // Only Windows asks about its firewall (see the test on Windows below).
  await expect(share.firewall).toHaveCount(0);
  await share.start();
  const status = desktop.shareStatus();
  if (!status.sharing) throw new Error('the main process is not sharing');
  // Two passes for this board, each link with its own token.
  const linkPattern = new RegExp(
    `^http://${LAN_ADDRESS.replaceAll('.', '\\.')}:${status.port}/b/${boardId}\\?t=${PASS_TOKEN}$`,
  );
  await expect(share.joinUrl(LAN_ADDRESS, 'editor')).toHaveText(linkPattern);
  await expect(share.joinUrl(LAN_ADDRESS, 'viewer')).toHaveText(linkPattern);
  const joinUrl = await share.linkText(LAN_ADDRESS, 'editor');
  const viewUrl = await share.linkText(LAN_ADDRESS, 'viewer');
  const editToken = new URL(joinUrl).searchParams.get('t') ?? '';
  expect(new URL(viewUrl).searchParams.get('t')).not.toBe(editToken);
  const easelUrl = formatEaselJoinLink({
    relayUrl: `http://${LAN_ADDRESS}:${status.port}`,
    boardId,
    token: editToken,
  });
  await expect(share.easelUrl(LAN_ADDRESS, 'editor')).toHaveText(easelUrl);
  await expect(share.port).toHaveText(String(status.port));
  await expect(share.guests).toHaveText('No guests yet');
  await expect(share.advertised).toContainText('Announced on this network');
  // The bridge's relay serves no web client, so the browser link is said to need it.
  await expect(share.noWebClient).toContainText('needs the web client');

  // The QR code shows the Edit link's browser link: what it draws is the qrcode package's code for exactly that text.
  await expect(share.qrLink).toHaveText(joinUrl);
  const drawn = await share.qrDrawing();
  expect(modulesFromPath(drawn.path, drawn.size)).toEqual(qrModulesOf(joinUrl));
  for (const link of [easelUrl, viewUrl]) {
    await share
      .address(LAN_ADDRESS)
      .getByRole('button', { name: `Show QR code of ${link}` })
      .click();
    await expect(share.qrLink).toHaveText(link);
    const picture = await share.qrDrawing();
    expect(modulesFromPath(picture.path, picture.size)).toEqual(qrModulesOf(link));
  }

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: desktop.origin });
  for (const link of [joinUrl, viewUrl]) {
    await share.copyButtonFor(link).click();
    await expect(share.copyButtonFor(link)).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  }

  // A real guest in its own browser context: the Edit link's port and token, reached on 127.0.0.1.
  const guestContext = await browser.newContext();
  try {
    const guestPage = await guestContext.newPage();
    const guest = new BoardPage(guestPage);
    const guestCanvas = new CanvasPage(guestPage);
    const guestRelay = `http://127.0.0.1:${status.port}`;
    await guestPage.goto(
      `${desktop.origin}/b/${boardId}?${new URLSearchParams({ relay: guestRelay, t: editToken, e2e: '1' })}`,
    );
    await expect(guest.status).toHaveText('Saved');
    await expect(share.guests).toHaveText('1 guest');
    await expect(share.indicator).toHaveText('Sharing · 1 guest');

    await share.stopButton.click();
    await expect(share.stopped).toHaveText(
      'Sharing stopped. The guest was disconnected. You keep working on this board as before.',
    );
    await expect(share.indicator).toHaveCount(0);
    await expect(guest.status).not.toHaveText('Saved');

    // The dialog closes with Esc and the host goes on drawing, saved on its own relay; the guest gets none of it.
    await page.keyboard.press('Escape');
    await expect(share.dialog).toHaveCount(0);
    await expect(share.openButton).toBeFocused();
    await canvas.drawRectangle([120, 120], [260, 220]);
    await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
    await expect(host.status).toHaveText('Saved');
    const { url, token } = desktop.relayInfo();
    const stored = await shapesOnRelay(url ?? '', token, boardId);
    expect([...stored.values()]).toEqual([expect.objectContaining({ type: 'rect' })]);
    expect(await guestCanvas.shapeCount()).toBe('0');
  } finally {
    await guestContext.close();
  }
});

test.describe('on Windows', () => {
  test.use({ desktopOs: 'win32' });

  test('the dialog says, before sharing starts, that the Windows firewall will ask and what to answer', async ({
    desktop,
    page,
  }) => {
    const share = new ShareDialog(page);
    await desktop.openBoard('share-windows');
    await share.open();
    await expect(share.firewall).toContainText('Windows asks whether Easel may use your networks');
    await expect(share.firewall).toContainText('Allow it on private networks');
    await share.start();
    await expect(share.guests).toHaveText('No guests yet');
    await expect(share.firewall).toHaveCount(0);
  });
});

test('a port held by another program is refused in plain words, and the next port is offered', async ({
  desktop,
  page,
}) => {
  const share = new ShareDialog(page);
  await desktop.openBoard('share-port');
  const taken = await freePort();
  const holder = net.createServer().listen(taken, '0.0.0.0');
  await once(holder, 'listening');
  try {
    await share.open();
    await share.portField.fill('80');
    await share.startButton.click();
    await expect(share.dialog.getByRole('alert')).toHaveText('A port is a whole number from 1024 to 65535.');

    await share.portField.fill(String(taken));
    await share.startButton.click();
    await expect(share.error).toContainText(`port ${taken}`, { ignoreCase: true });
    await expect(share.error).toContainText('another program', { ignoreCase: true });
    expect(desktop.shareStatus()).toEqual({ sharing: false });
    await expect(share.indicator).toHaveCount(0);

    await share.dialog.getByRole('button', { name: `Try port ${taken + 1}` }).click();
    await share.indicator.waitFor();
    if (!(await share.dialog.isVisible())) await share.open();
    await expect(share.port).toHaveText(String(taken + 1));
    expect(desktop.shareStatus()).toMatchObject({ sharing: true, port: taken + 1 });
  } finally {
    holder.close();
  }
});

test('the dialog traps focus and is labelled; opened again while sharing it shows the current status', async ({
  desktop,
  page,
}) => {
  const share = new ShareDialog(page);
  await desktop.openBoard('share-keys');
  await share.open();
  await expect(share.closeButton).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(share.startButton).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(share.closeButton).toBeFocused();
  await share.start();
  const linkBefore = await share.linkText(LAN_ADDRESS, 'viewer');
  await page.keyboard.press('Escape');
  await expect(share.dialog).toHaveCount(0);

  await page.reload();
  await expect(share.indicator).toHaveText('Sharing · 0 guests');
  await share.open();
  const status = desktop.shareStatus();
  if (!status.sharing) throw new Error('not sharing');
  await expect(share.port).toHaveText(String(status.port));
  // The same links as before the reload: the passes are not made again.
  await expect(share.joinUrl(LAN_ADDRESS, 'viewer')).toHaveText(linkBefore);
});

import '../../renderer/platform/window-easel';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { shapesOnRelay } from './support/relay-shapes';

test('the page is the desktop window: window.easel reaches the running relay', async ({ desktop, page }) => {
  await desktop.openBoard('shell-info');
  expect(await page.evaluate(() => window.easel?.platform)).toBe('desktop');
  const info = await page.evaluate(() => window.easel?.relay.info());
  expect(info).toEqual({ ok: true, value: desktop.relayInfo() });
  expect(desktop.relayInfo()).toMatchObject({ state: 'running', sharing: false });
  expect(desktop.relayInfo().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(new URL(page.url()).searchParams.get('relay')).toBe(desktop.relayInfo().url);
});

test('a board drawn in the desktop window is stored by the embedded relay', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await desktop.openBoard('shell-draw');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([100, 100], [240, 200]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(board.status).toHaveText('Saved');
  const { url, token } = desktop.relayInfo();
  expect(url).not.toBeNull();
  const stored = await shapesOnRelay(url ?? '', token, 'shell-draw');
  expect([...stored.values()]).toEqual([expect.objectContaining({ type: 'rect' })]);
});

test('bytes cross the bridge intact and requests are validated by the real dispatcher', async ({ desktop, page }) => {
  await desktop.openBoard('shell-bytes');
  const bytes = [0, 1, 2, 127, 128, 254, 255];
  desktop.dialogs.nextSave(`${desktop.tempDir}/bytes.easel`);
  const saved = await page.evaluate(
    (data) => window.easel?.files.save({ kind: 'board', suggestedName: 'b', bytes: new Uint8Array(data) }),
    bytes,
  );
  expect(saved).toEqual({ ok: true, value: { canceled: false, path: `${desktop.tempDir}/bytes.easel` } });
  desktop.dialogs.nextOpen(`${desktop.tempDir}/bytes.easel`);
  const opened = await page.evaluate(async () => {
    const result = await window.easel?.files.open({ kind: 'board' });
    return result?.ok && !result.value.canceled
      ? { isBytes: result.value.file.bytes instanceof Uint8Array, bytes: [...result.value.file.bytes] }
      : { result };
  });
  expect(opened).toEqual({ isBytes: true, bytes });
  const refused = await page.evaluate(() =>
    // Deliberately malformed, as a compromised page might send.
    window.easel?.files.write({ path: '/etc/passwd', bytes: 'not bytes' as unknown as Uint8Array }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  expect(desktop.ipcLog()).toContainEqual(expect.objectContaining({ level: 'warn', event: 'ipc-bad-request' }));
});

test('pushes reach subscribers: sharing is announced on the recorded LAN with TEST-NET links', async ({
  desktop,
  page,
}) => {
  await desktop.openBoard('shell-share');
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { seenShares: unknown[] }).seenShares = seen;
    window.easel?.share.onChange((status) => seen.push(status));
    // A page that follows relay moves itself is not reloaded when sharing moves the relay.
    window.easel?.relay.onChange(() => undefined);
  });
  await expect.poll(() => desktop.follows()).toBe(true);
  const started = await page.evaluate(() => window.easel?.share.start({ boardId: 'shell-share' }));
  expect(started).toMatchObject({ ok: true, value: { sharing: true, advertised: true } });
  const status = desktop.shareStatus();
  expect(status.sharing && status.addresses.map((address) => address.relayUrl)).toEqual([
    expect.stringMatching(/^http:\/\/192\.0\.2\.10:\d+$/),
  ]);
  expect(desktop.lan.announced).toMatchObject({ name: 'Easel on test-host', boardId: 'shell-share' });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { seenShares: { sharing: boolean }[] }).seenShares))
    .toContainEqual(expect.objectContaining({ sharing: true }));
});

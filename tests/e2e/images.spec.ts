import type { Browser, Page } from '@playwright/test';
import { pngImage } from '../support/images';
import { BoardPage } from './pages/board-page';
import { CanvasPage, type CanvasPoint } from './pages/canvas-page';
import { FileMenu } from './pages/file-menu';
import { type ImageFile, ImagesPage } from './pages/images-page';
import { expect, test } from './fixtures';

/** Reconnect backoff tops out at 5 s, plus the join and the upload. */
const RECONNECTED_MS = 20_000;
const RED: [number, number, number] = [200, 40, 40];
const BLUE: [number, number, number] = [30, 90, 220];

const png = (name: string, rgba: [number, number, number], width = 200, height = 100): ImageFile => ({
  name,
  mimeType: 'image/png',
  buffer: pngImage(width, height, { rgba: [...rgba, 255] }),
});

/** One person on the board: the page and its page objects. */
async function person(browser: Browser, relayUrl: string, boardId: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const board = new BoardPage(page);
  await board.open(relayUrl, boardId, name);
  await expect(board.status).toHaveText('Saved');
  return {
    context,
    page,
    board,
    canvas: new CanvasPage(page),
    images: new ImagesPage(page),
    files: new FileMenu(page),
  };
}

async function expectColourAt(images: ImagesPage, at: CanvasPoint, colour: [number, number, number]) {
  await expect.poll(() => images.pixel(at), { timeout: 10_000 }).toEqual(colour);
}

function imageShapes(page: Page) {
  return new CanvasPage(page).shapes().then((shapes) => shapes.filter((shape) => shape.type === 'image'));
}

test('Ann drops a PNG and Bob sees it within a second, pixels and all', async ({ browser, relay }) => {
  const ann = await person(browser, relay.url, 'images-drop', 'Ann');
  const bob = await person(browser, relay.url, 'images-drop', 'Bob');
  try {
    await ann.images.drop([png('red.png', RED)], [300, 250]);
    await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1');
    await expect(bob.canvas.canvas).toHaveAttribute('data-shape-count', '1', { timeout: 1_000 });
    const [shape] = await imageShapes(bob.page);
    expect(shape).toMatchObject({ naturalWidth: 200, naturalHeight: 100, w: 200, h: 100 });
    await expectColourAt(ann.images, [300, 250], RED);
    await expectColourAt(bob.images, [300, 250], RED);
    await expect(ann.board.status).toHaveText('Saved');
  } finally {
    await ann.context.close();
    await bob.context.close();
  }
});

test('a board with an image reloads with the relay down and still shows the picture', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const images = new ImagesPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'images-offline-reload');
  await expect(board.status).toHaveText('Saved');
  await images.drop([png('blue.png', BLUE)], [300, 250]);
  await expectColourAt(images, [300, 250], BLUE);
  await expect(board.status).toHaveText('Saved');
  await board.waitUntilAvailableOffline();

  await relay.stop();
  await page.reload();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(board.status).toHaveText(/^Offline/);
  await expectColourAt(images, [300, 250], BLUE);
});

test('an image pasted while offline waits, then reaches the relay before its shape, and Bob sees it', async ({
  browser,
  relay,
}) => {
  const ann = await person(browser, relay.url, 'images-offline-paste', 'Ann');
  const bob = await person(browser, relay.url, 'images-offline-paste', 'Bob');
  try {
    await ann.board.waitUntilAvailableOffline();
    await relay.stop();
    await expect(ann.board.status).toHaveText(/^Offline/);
    await ann.images.paste([png('pasted.png', RED)]);
    await expect(ann.files.alert).toContainText('An image waits for the relay');
    await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '0');

    await relay.start();
    await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1', { timeout: RECONNECTED_MS });
    await expect(ann.files.alert).toHaveCount(0);
    await expect(bob.canvas.canvas).toHaveAttribute('data-shape-count', '1', { timeout: RECONNECTED_MS });
    const [shape] = await imageShapes(bob.page);
    await expectColourAt(bob.images, await bob.canvas.toCanvas(shape!.x + 10, shape!.y + 10), RED);
  } finally {
    await ann.context.close();
    await bob.context.close();
  }
});

test.describe('refusals', () => {
  test.use({ relayArgs: ['--max-file-bytes', '4096'] });

  test('a file that is not an image, or one the relay refuses, is a message and no shape', async ({ page, relay }) => {
    const board = new BoardPage(page);
    const images = new ImagesPage(page);
    const files = new FileMenu(page);
    const canvas = new CanvasPage(page);
    await board.open(relay.url, 'images-refused');
    await expect(board.status).toHaveText('Saved');

    await images.drop(
      [{ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text') }],
      [200, 200],
    );
    await expect(files.alert).toContainText('Could not add “notes.png”: it is not a PNG, JPEG, GIF, WebP or SVG image');
    await files.dismissButton.click();

    // Noise does not compress: far over the relay's 4 KiB.
    const noisy = Buffer.from(Array.from({ length: 64 * 64 * 4 }, (_, i) => (i * 7919) % 251));
    const big = pngImage(64, 64, { rgba: [1, 2, 3, 255] });
    await images.insert({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([big, noisy]) });
    await expect(files.alert).toContainText('Could not add “big.png”');
    await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
    expect(await canvas.shapes()).toEqual([]);
  });
});

test('.easel round trip: the saved file carries the image, and opening it on another board uploads and shows it', async ({
  browser,
  relay,
}) => {
  const ann = await person(browser, relay.url, 'images-save', 'Ann');
  const other = await person(browser, relay.url, 'images-open', 'Ann again');
  try {
    await ann.images.drop([png('blue.png', BLUE)], [300, 250]);
    await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1');
    const saved = await ann.files.download('Save board file');
    const json = JSON.parse(saved.bytes.toString('utf8')) as { version: number; files: Record<string, unknown> };
    expect(json.version).toBe(2);
    expect(Object.keys(json.files)).toHaveLength(1);

    await other.files.open({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
    await expect(other.canvas.canvas).toHaveAttribute('data-shape-count', '1');
    const [shape] = await imageShapes(other.page);
    expect(shape).toMatchObject({ naturalWidth: 200, naturalHeight: 100 });
    await expectColourAt(other.images, await other.canvas.toCanvas(shape!.x + 100, shape!.y + 50), BLUE);
    // Read by someone else: the file is on the relay for this board too.
    const reader = await person(browser, relay.url, 'images-open', 'Reader');
    try {
      await expectColourAt(reader.images, await reader.canvas.toCanvas(shape!.x + 100, shape!.y + 50), BLUE);
    } finally {
      await reader.context.close();
    }
  } finally {
    await ann.context.close();
    await other.context.close();
  }
});

test('PNG export contains the image’s pixels', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const images = new ImagesPage(page);
  const files = new FileMenu(page);
  await board.open(relay.url, 'images-export');
  await expect(board.status).toHaveText('Saved');
  await images.drop([png('red.png', RED)], [300, 250]);
  await expect(new CanvasPage(page).canvas).toHaveAttribute('data-shape-count', '1');
  const exported = await files.download('Export PNG');
  expect(await images.pngCentre(exported.bytes)).toEqual(RED);
});

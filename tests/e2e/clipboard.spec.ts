import type { Page } from '@playwright/test';
import type { ShapeSummary } from '../../renderer/app/test-hook';
import { expect, test } from './fixtures';
import { BoardTitle } from './pages/boards-home-page';
import type { CanvasPage } from './pages/canvas-page';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

const centreOf = (shape: ShapeSummary) => ({
  cx: (shape.bounds.minX + shape.bounds.maxX) / 2,
  cy: (shape.bounds.minY + shape.bounds.maxY) / 2,
});

/** The app copies through navigator.clipboard (renderer/ui/browser-clipboard.ts), which headless Chromium gates on these. */
test.beforeEach(async ({ context, relay }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
});

async function systemClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function drawSelectedRectangle(canvas: CanvasPage): Promise<ShapeSummary> {
  await canvas.drawRectangle([100, 100], [200, 160]);
  const [shape] = await canvas.shapes();
  expect(await canvas.selection()).toEqual([shape!.id]);
  return shape!;
}

test('Ctrl+C puts the selection on the system clipboard, and Ctrl+V pastes it where the pointer is', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'clip-copy');
  const original = await drawSelectedRectangle(canvas);

  await page.keyboard.press('Control+c');
  await expect.poll(() => systemClipboard(page)).toContain('"easel":"shapes"');
  const copied = JSON.parse(await systemClipboard(page)) as { shapes: { id: string }[] };
  expect(copied.shapes.map((shape) => shape.id)).toEqual([original.id]);

  await canvas.hover([500, 350]);
  await page.keyboard.press('Control+v');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  const pasted = (await canvas.shapes())[1]!;
  expect(pasted.id).not.toBe(original.id);
  expectNear(pasted, { w: original.w ?? 0, h: original.h ?? 0 }, 0);
  expectNear(centreOf(pasted), { cx: 500, cy: 350 });
  expect(await canvas.selection()).toEqual([pasted.id]);

  await canvas.hover([300, 420]);
  await page.keyboard.press('Control+v');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');
  expectNear(centreOf((await canvas.shapes())[2]!), { cx: 300, cy: 420 });
  expectNear(await canvas.shape(original.id), { x: original.x, y: original.y }, 0);
});

test('Ctrl+D duplicates the selection just beside it', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'clip-duplicate');
  const original = await drawSelectedRectangle(canvas);

  await page.keyboard.press('Control+d');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  const [first, copy] = await canvas.shapes();
  expect(first!.id).toBe(original.id);
  expectNear(copy!, { x: original.x + 10, y: original.y + 10, w: original.w ?? 0, h: original.h ?? 0 }, 0);
  expect(await canvas.selection()).toEqual([copy!.id]);
});

test('Ctrl+X removes the selection onto the clipboard, and Ctrl+V brings it back at the pointer', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'clip-cut');
  const original = await drawSelectedRectangle(canvas);

  await page.keyboard.press('Control+x');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  expect(await systemClipboard(page)).toContain(original.id);

  await canvas.hover([600, 300]);
  await page.keyboard.press('Control+v');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  const pasted = (await canvas.shapes())[0]!;
  expect(pasted.type).toBe('rect');
  expectNear(centreOf(pasted), { cx: 600, cy: 300 });
});

test('text copied in another app pastes as a text shape at the pointer', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'clip-text');
  await page.evaluate(() => navigator.clipboard.writeText('Pasted from elsewhere'));

  await canvas.hover([400, 300]);
  await page.keyboard.press('Control+v');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  const [text] = await canvas.shapes();
  expect(text).toMatchObject({ type: 'text', text: 'Pasted from elsewhere' });
  expectNear(centreOf(text!), { cx: 400, cy: 300 });
});

test('Ctrl+C, Ctrl+X and Ctrl+V in a text field work on its text, not on the selected shapes', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'clip-text-field');
  const shape = await drawSelectedRectangle(canvas);
  const title = new BoardTitle(page);
  await title.title.click();
  await title.input.fill('Retro notes');

  await title.input.press('Control+a');
  await page.keyboard.press('Control+c');
  await expect.poll(() => systemClipboard(page)).toBe('Retro notes');
  expect(await canvas.selection()).toEqual([shape.id]);

  await page.keyboard.press('Control+x');
  await expect(title.input).toHaveValue('');
  await expect.poll(() => systemClipboard(page)).toBe('Retro notes');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await page.keyboard.press('Control+v');
  await page.keyboard.press('Control+v');
  await expect(title.input).toHaveValue('Retro notesRetro notes');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  // Back on the canvas the same keys copy the shapes again.
  await title.input.press('Escape');
  await canvas.hover([500, 350]);
  await page.keyboard.press('Control+c');
  await expect.poll(() => systemClipboard(page)).toContain('"easel":"shapes"');
});

test('text selected on the page is copied as text; a click on the canvas gives Ctrl+C back to the shapes', async ({
  page,
  relay,
}) => {
  const { board, canvas } = await openBoard(page, relay.url, 'clip-page-text');
  const shape = await drawSelectedRectangle(canvas);
  await expect(board.status).toHaveText('Saved');
  await board.status.dblclick();
  await page.keyboard.press('Control+c');
  await expect.poll(() => systemClipboard(page)).toBe('Saved');

  await canvas.click([100, 130]);
  expect(await canvas.selection()).toEqual([shape.id]);
  await page.keyboard.press('Control+c');
  await expect.poll(() => systemClipboard(page)).toContain('"easel":"shapes"');
});

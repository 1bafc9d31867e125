import { expect, test } from './fixtures';
import { ContextMenuPage } from './pages/context-menu';
import { openBoard } from './pages/open-board';
import { Touch } from './pages/touch';

test.use({ hasTouch: true });

test('two fingers pinch-zoom and pan with the pen tool, and draw nothing', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'touch-pinch');
  const touch = new Touch(page, canvas.canvas);
  await canvas.chooseTool('Pen', 'key');

  // Apart from 100 px to 200 px about the same midpoint: twice the zoom.
  await touch.gesture(
    [
      [350, 300],
      [450, 300],
    ],
    [
      [300, 300],
      [500, 300],
    ],
  );
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeCloseTo(2, 1);
  const zoomed = (await canvas.snapshot()).viewport;

  // Both fingers 100 px down together: a pan of 100 screen px at the same zoom.
  await touch.gesture(
    [
      [300, 200],
      [500, 200],
    ],
    [
      [300, 300],
      [500, 300],
    ],
  );
  await expect.poll(async () => (await canvas.snapshot()).viewport.y).toBeCloseTo(zoomed.y - 100 / zoomed.zoom, 1);
  expect((await canvas.snapshot()).viewport.zoom).toBeCloseTo(zoomed.zoom, 5);
  expect(await canvas.shapes()).toEqual([]);
  await expect(canvas.tool('Pen')).toHaveAttribute('aria-pressed', 'true');

  // One finger still draws with the pen.
  await touch.gesture([[200, 400]], [[320, 460]]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('a long press opens the context menu', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'touch-long-press');
  const touch = new Touch(page, canvas.canvas);
  const menu = new ContextMenuPage(page);
  await canvas.drawRectangle([100, 100], [240, 200]);
  await touch.longPress([170, 100], 900, async () => {
    await expect(menu.menu).toBeVisible();
  });
  await expect(menu.menu).toBeVisible();
  await expect(menu.menu.getByRole('menuitem', { name: /Delete/ })).toBeVisible();
  expect(await canvas.shapes()).toHaveLength(1);
});

test('after a pen stroke, a finger pans instead of drawing (palm rejection)', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'touch-palm');
  const touch = new Touch(page, canvas.canvas);
  await canvas.chooseTool('Pen', 'key');
  await touch.penStroke([
    [100, 300],
    [140, 260],
    [180, 320],
    [220, 280],
  ]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  const before = (await canvas.snapshot()).viewport;

  await touch.gesture([[400, 300]], [[340, 260]]); // a palm resting and sliding
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect.poll(async () => (await canvas.snapshot()).viewport.x).toBeCloseTo(before.x + 60, 1);
  expect((await canvas.snapshot()).viewport.y).toBeCloseTo(before.y + 40, 1);
});

import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';
import { ZoomControls } from './pages/zoom-controls';

test('a Ctrl+wheel notch zooms about 10 % towards the pointer, and five do not reach the maximum', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'zoom-wheel');
  const zoom = new ZoomControls(page);
  await expect(zoom.level).toHaveText('100%');
  const box = await canvas.canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const pointer = { x: box.x + 300, y: box.y + 200 };
  const boardUnder = async () => {
    const { viewport } = await canvas.snapshot();
    return { x: viewport.x + 300 / viewport.zoom, y: viewport.y + 200 / viewport.zoom };
  };
  const before = await boardUnder();

  await zoom.ctrlWheel(pointer, -100);
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeGreaterThan(1.05);
  const one = (await canvas.snapshot()).viewport.zoom;
  expect(one).toBeLessThanOrEqual(1.1 + 1e-9);
  await expect(zoom.level).toHaveText(`${Math.round(one * 100)}%`);
  // Towards the pointer: the board point under it stays under it.
  const after = await boardUnder();
  expect(after.x).toBeCloseTo(before.x, 3);
  expect(after.y).toBeCloseTo(before.y, 3);

  for (let notch = 0; notch < 4; notch++) await zoom.ctrlWheel(pointer, -100);
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeGreaterThan(1.5);
  expect((await canvas.snapshot()).viewport.zoom).toBeLessThan(1.7);

  // Out again by as many notches: back where it started.
  for (let notch = 0; notch < 5; notch++) await zoom.ctrlWheel(pointer, 100);
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeCloseTo(1, 5);
});

test('the zoom widget steps in and out, and its percentage resets to 100 %', async ({ page, relay }) => {
  await openBoard(page, relay.url, 'zoom-widget');
  const zoom = new ZoomControls(page);
  await zoom.zoomIn.click();
  await expect(zoom.level).toHaveText('125%');
  await zoom.zoomIn.click();
  await expect(zoom.level).toHaveText('150%');
  await zoom.zoomOut.click();
  await zoom.zoomOut.click();
  await zoom.zoomOut.click();
  await expect(zoom.level).toHaveText('75%');
  await zoom.zoomIn.hover();
  await expect(page.getByRole('tooltip', { name: /Zoom in/ })).toBeVisible();
  await expect(page.getByRole('tooltip', { name: /Zoom in/ })).toContainText('Ctrl+=');
  await zoom.level.click();
  await expect(zoom.level).toHaveText('100%');
});

test('Ctrl+= / Ctrl+- / Ctrl+0 zoom the board, not the page; Shift+1 fits the board and Shift+2 the selection', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'zoom-keys');
  const zoom = new ZoomControls(page);
  await canvas.drawRectangle([100, 100], [200, 150]);
  await canvas.chooseTool('Rectangle', 'key');
  await canvas.drag([500, 300], [700, 450]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');

  await page.keyboard.press('Control+Equal');
  await expect(zoom.level).toHaveText('125%');
  // The page itself did not zoom: a CSS pixel is still one device pixel.
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
  await page.keyboard.press('Control+Minus');
  await page.keyboard.press('Control+Minus');
  await expect(zoom.level).toHaveText('75%');
  await page.keyboard.press('Control+0');
  await expect(zoom.level).toHaveText('100%');

  // The second rectangle is selected (drawing selects what it made): Shift+2 frames it alone.
  const [, second] = await canvas.order();
  expect(await canvas.selection()).toEqual([second]);
  await page.keyboard.press('Shift+Digit2');
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeGreaterThan(2);
  const framed = await canvas.shape(second!);
  const [left] = await canvas.toCanvas(framed.bounds.minX, framed.bounds.minY);
  const [right] = await canvas.toCanvas(framed.bounds.maxX, framed.bounds.maxY);
  const box = await canvas.canvas.boundingBox();
  expect(left).toBeGreaterThanOrEqual(0);
  expect(right).toBeLessThanOrEqual(box!.width);

  await page.keyboard.press('Shift+Digit1');
  await expect.poll(async () => (await canvas.snapshot()).viewport.zoom).toBeLessThan(2);
  for (const shape of await canvas.shapes()) {
    const [x1, y1] = await canvas.toCanvas(shape.bounds.minX, shape.bounds.minY);
    const [x2, y2] = await canvas.toCanvas(shape.bounds.maxX, shape.bounds.maxY);
    expect(Math.min(x1, y1)).toBeGreaterThanOrEqual(0);
    expect(x2).toBeLessThanOrEqual(box!.width);
    expect(y2).toBeLessThanOrEqual(box!.height);
  }
});

import { expect, test } from './fixtures';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

test('undo and redo step through gestures with Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the toolbar buttons', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'history');
  await expect(canvas.undoButton).toBeDisabled();
  await expect(canvas.redoButton).toBeDisabled();

  await canvas.drawRectangle([100, 100], [200, 160]);
  const [id] = await canvas.order();
  await canvas.drag([120, 100], [320, 200]); // by the top edge, clear of its handles: one move, one step
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(300, 0);
  await expect(canvas.undoButton).toBeEnabled();

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(100, 0);
  expectNear(await canvas.shape(id!), { x: 100, y: 100 });
  await expect(canvas.redoButton).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await expect(canvas.undoButton).toBeDisabled();

  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  expectNear(await canvas.shape(id!), { x: 100, y: 100 });
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(300, 0);
  await expect(canvas.redoButton).toBeDisabled();

  await canvas.undoButton.click();
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(100, 0);
  await canvas.undoButton.click();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await canvas.redoButton.click();
  await canvas.redoButton.click();
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(300, 0);
  expectNear(await canvas.shape(id!), { x: 300, y: 200, w: 100, h: 60 });

  // A new gesture after undoing drops what could be redone.
  await page.keyboard.press('Control+z');
  await canvas.drawRectangle([500, 300], [560, 340], 'key');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(canvas.redoButton).toBeDisabled();
});

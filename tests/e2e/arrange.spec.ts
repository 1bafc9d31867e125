import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

test('] and [ move the selection one step in z-order, Ctrl+] and Ctrl+[ to the front and back', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'arrange');
  await canvas.drawRectangle([100, 100], [220, 180]);
  await canvas.drawRectangle([160, 140], [280, 220], 'key');
  await canvas.drawRectangle([220, 180], [340, 260], 'key');
  const [a, b, c] = await canvas.order();

  await canvas.click([120, 100]); // a's top edge, clear of the others
  await expect.poll(() => canvas.selection()).toEqual([a]);

  await page.keyboard.press(']');
  await expect.poll(() => canvas.order()).toEqual([b, a, c]);
  await page.keyboard.press('Control+]');
  await expect.poll(() => canvas.order()).toEqual([b, c, a]);
  await page.keyboard.press('[');
  await expect.poll(() => canvas.order()).toEqual([b, a, c]);
  await page.keyboard.press('Control+[');
  await expect.poll(() => canvas.order()).toEqual([a, b, c]);

  // Each move is one undo step.
  await page.keyboard.press('Control+z');
  await expect.poll(() => canvas.order()).toEqual([b, a, c]);
});

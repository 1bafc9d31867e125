import { expect, test } from './fixtures';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

test('Esc clears the selection; a drawing tool goes back to select on Esc first, keeping it', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'select-escape');
  await canvas.drawRectangle([100, 100], [240, 200]);
  const [id] = await canvas.order();
  expect(await canvas.selection()).toEqual([id]);

  await canvas.chooseTool('Pen', 'key');
  await page.keyboard.press('Escape');
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');

  await canvas.click([170, 100]);
  await expect.poll(() => canvas.selection()).toEqual([id]);
  await page.keyboard.press('Escape');
  await expect.poll(() => canvas.selection()).toEqual([]);
  expect(await canvas.order()).toEqual([id]); // nothing was deleted
});

test('a click inside a hollow shape selects it, the smallest around the point; a drag there is a marquee', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'select-hollow');
  await canvas.drawRectangle([80, 80], [480, 420]);
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([180, 180], [320, 300]);
  const [frame, ring] = await canvas.order();
  await page.keyboard.press('Escape');
  await expect.poll(() => canvas.selection()).toEqual([]);

  await canvas.click([120, 380]); // inside the frame, far from its outline
  await expect.poll(() => canvas.selection()).toEqual([frame]);
  await canvas.click([250, 240]); // inside the ellipse, which is inside the frame
  await expect.poll(() => canvas.selection()).toEqual([ring]);

  // A drag from inside the frame still selects by marquee, so the shapes inside it stay reachable.
  await page.keyboard.press('Escape');
  await canvas.drag([150, 150], [350, 330]);
  await expect.poll(() => canvas.selection()).toEqual([ring]);
  expectNear(await canvas.shape(frame!), { x: 80, y: 80 });
});

test('a double-click on empty canvas starts a text there', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-dblclick');
  await canvas.doubleClick([300, 260]);
  await expect(canvas.editor).toBeFocused();
  await page.keyboard.type('Typed where I clicked');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => canvas.shapes()).toMatchObject([{ type: 'text', text: 'Typed where I clicked' }]);
  expectNear(await canvas.shape((await canvas.order())[0]!), { x: 300 });
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
});

import { expect, test } from './fixtures';
import { ArrangePanel, gridInk } from './pages/arrange-panel';
import { ContextMenuPage } from './pages/context-menu';
import { openBoard } from './pages/open-board';

/** An empty spot of the canvas, far from every shape these tests draw. */
const EMPTY: [number, number] = [900, 480];

test('Ctrl+G groups two shapes: a click on one selects both, they move together, Ctrl+Shift+G ungroups', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'groups');
  await canvas.drawRectangle([100, 100], [200, 180]);
  await canvas.drawRectangle([300, 100], [400, 180], 'key');
  const [a, b] = await canvas.order();
  await canvas.click(EMPTY);
  await canvas.drag([80, 80], [420, 200]);
  await expect.poll(() => canvas.selection()).toEqual([a, b]);

  await page.keyboard.press('Control+g');
  await expect.poll(async () => (await canvas.shape(a!)).groupIds?.length).toBe(1);
  expect((await canvas.shape(b!)).groupIds).toEqual((await canvas.shape(a!)).groupIds);

  await canvas.click(EMPTY);
  await canvas.click([150, 100]); // a's top edge
  await expect.poll(() => canvas.selection()).toEqual([a, b]);

  const before = [await canvas.shape(a!), await canvas.shape(b!)];
  // Grabbed by b's top edge: a press where the click was would be the second half of a double-click.
  await canvas.drag([350, 100], [390, 160]);
  await expect.poll(async () => (await canvas.shape(b!)).x).not.toBe(before[1]!.x);
  const after = [await canvas.shape(a!), await canvas.shape(b!)];
  expect(after[0]!.x - before[0]!.x).toBeCloseTo(after[1]!.x - before[1]!.x, 5);
  expect(after[0]!.y - before[0]!.y).toBeCloseTo(after[1]!.y - before[1]!.y, 5);
  expect(after[0]!.x - before[0]!.x).toBeGreaterThan(20);

  await page.keyboard.press('Control+Shift+g');
  await expect.poll(async () => (await canvas.shape(a!)).groupIds).toBeUndefined();
  await canvas.click(EMPTY);
  await canvas.click([after[0]!.x + 50, after[0]!.y]); // a's top edge, where it went
  await expect.poll(() => canvas.selection()).toEqual([a]);
});

test('a locked shape is not picked by a click, a marquee or the eraser; Unlock in its context menu frees it', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'locks');
  await canvas.drawRectangle([100, 100], [200, 180]);
  await canvas.drawRectangle([300, 100], [400, 180], 'key');
  const [a, b] = await canvas.order();
  await canvas.click([150, 100]);
  await expect.poll(() => canvas.selection()).toEqual([a]);
  await page.keyboard.press('Control+Shift+l');
  await expect.poll(async () => (await canvas.shape(a!)).locked).toBe(true);
  expect(await canvas.selection()).toEqual([]);

  await canvas.click([150, 100]);
  await canvas.drag([150, 100], [250, 300]); // a press on it is a marquee from the board, not a move
  expect(await canvas.shape(a!)).toMatchObject({ x: 100, y: 100 });
  await canvas.click(EMPTY);
  await canvas.drag([80, 80], [420, 200]);
  await expect.poll(() => canvas.selection()).toEqual([b]);

  await canvas.chooseTool('Eraser', 'key');
  await canvas.drag([90, 140], [210, 140]);
  await canvas.drag([150, 90], [150, 190]);
  await expect.poll(() => canvas.order()).toEqual([a, b]);

  await canvas.chooseTool('Select', 'key');
  const menu = new ContextMenuPage(page);
  await menu.openAt([150, 100]);
  expect(await menu.entries()).toEqual(['Unlock', 'Unlock all']);
  await menu.item('Unlock').click();
  await expect.poll(async () => (await canvas.shape(a!)).locked).toBeUndefined();
  await expect.poll(() => canvas.selection()).toEqual([a]);
});

test('the Arrange row aligns three shapes left and distributes them vertically, each one undo step', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'align');
  await canvas.drawRectangle([140, 40], [240, 100]);
  await canvas.drawRectangle([200, 130], [300, 190], 'key');
  await canvas.drawRectangle([60, 400], [160, 460], 'key');
  const ids = await canvas.order();
  await page.keyboard.press('Control+a');
  await expect.poll(() => canvas.selection()).toEqual(ids);

  const arrange = new ArrangePanel(page);
  await arrange.button('Align left edges').click();
  await expect.poll(async () => (await canvas.shapes()).map((shape) => shape.x)).toEqual([60, 60, 60]);

  await arrange.button('Distribute vertically').click();
  await expect
    .poll(async () => {
      const [top, middle, bottom] = await canvas.shapes();
      const gapAbove = middle!.bounds.minY - top!.bounds.maxY;
      const gapBelow = bottom!.bounds.minY - middle!.bounds.maxY;
      return Math.abs(gapAbove - gapBelow) < 0.01;
    })
    .toBe(true);
  expect((await canvas.shapes()).map((shape) => shape.y)).toEqual([40, 220, 400]);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await canvas.shapes()).map((shape) => shape.y)).toEqual([40, 130, 400]);
});

test("Ctrl+' draws a grid (light and dark), remembered on reload; snap to grid puts drawn and moved shapes on it", async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'grid');
  expect(await gridInk(page)).toBeNull();
  await canvas.canvas.click({ position: { x: EMPTY[0], y: EMPTY[1] } });
  await page.keyboard.press("Control+'");
  await expect.poll(async () => (await gridInk(page))?.inked ?? 0).toBeGreaterThan(1000);
  expect((await gridInk(page))!.rgb).toEqual([0, 0, 0]); // dark lines on the light board

  await page.keyboard.press('Alt+Shift+D');
  await expect.poll(async () => (await gridInk(page))?.rgb).toEqual([255, 255, 255]);
  await page.keyboard.press('Alt+Shift+D');

  const menu = new ContextMenuPage(page);
  await menu.openAt(EMPTY);
  await menu.toggle('Snap to grid').click();
  await canvas.drawRectangle([103, 107], [197, 213]);
  const [id] = await canvas.order();
  const drawn = await canvas.shape(id!);
  expect([drawn.x % 20, drawn.y % 20, drawn.w! % 20, drawn.h! % 20]).toEqual([0, 0, 0, 0]);

  await canvas.drag([125, drawn.y], [162, drawn.y + 33]); // by its top edge (clear of the handle), by an odd amount
  await expect.poll(async () => (await canvas.shape(id!)).x).not.toBe(drawn.x);
  const moved = await canvas.shape(id!);
  expect([moved.x % 20, moved.y % 20]).toEqual([0, 0]);

  await page.reload();
  await canvas.ready();
  await expect.poll(async () => (await gridInk(page))?.inked ?? 0).toBeGreaterThan(1000);
  await page.keyboard.press("Control+'");
  await expect.poll(() => gridInk(page)).toBeNull();
});

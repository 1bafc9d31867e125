import { expect, test } from './fixtures';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

/** An empty spot of the canvas, far from every shape these tests draw. */
const EMPTY: [number, number] = [900, 480];

test('click selects, Shift+click adds, a marquee selects what it encloses, Delete removes the selection', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'select-pick');
  await canvas.drawRectangle([60, 60], [220, 160]);
  await canvas.drawRectangle([300, 60], [460, 160], 'key');
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([540, 60], [700, 160]);
  const [a, b, c] = await canvas.order();

  // A new shape comes selected; a click on empty board clears the selection.
  expect(await canvas.selection()).toEqual([c]);
  await canvas.click(EMPTY);
  await expect.poll(() => canvas.selection()).toEqual([]);

  // Unfilled rectangles are picked on their outline (here the top edge).
  await canvas.click([140, 60]);
  await expect.poll(() => canvas.selection()).toEqual([a]);
  await canvas.click([380, 60], { shift: true });
  await expect.poll(() => canvas.selection()).toEqual([a, b]);
  await canvas.click([140, 160], { shift: true }); // Shift+click on a selected shape takes it out
  await expect.poll(() => canvas.selection()).toEqual([b]);

  await canvas.click(EMPTY);
  await canvas.drag([40, 40], [480, 180]); // encloses a and b; c only partly
  await expect.poll(() => canvas.selection()).toEqual([a, b]);

  await page.keyboard.press('Delete');
  await expect.poll(() => canvas.order()).toEqual([c]);
  expect(await canvas.selection()).toEqual([]);
});

test('dragging a shape moves it by the drag', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-move');
  await canvas.drawRectangle([60, 60], [220, 160]);
  const [id] = await canvas.order();
  await canvas.click(EMPTY);

  await canvas.drag([140, 60], [240, 190]); // grabs the unselected rectangle by its top edge
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeCloseTo(160, 0);
  expectNear(await canvas.shape(id!), { x: 160, y: 190, w: 160, h: 100 });
  expect(await canvas.selection()).toEqual([id]);
});

test('dragging a corner handle resizes the shape', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-resize');
  await canvas.drawRectangle([100, 100], [260, 200]);
  const [id] = await canvas.order();

  await canvas.dragHandle('se', [80, 50]);
  await expect.poll(async () => (await canvas.shape(id!)).w).toBeGreaterThan(200);
  // The opposite corner stays put; width and height grow by the drag (less a pixel of stroke padding).
  expectNear(await canvas.shape(id!), { x: 100, y: 100, w: 240, h: 150 });

  await canvas.dragHandle('w', [40, 0]); // an edge handle changes one axis only
  await expect.poll(async () => (await canvas.shape(id!)).x).toBeGreaterThan(120);
  expectNear(await canvas.shape(id!), { x: 140, y: 100, w: 200, h: 150 });
});

test('dragging the rotate handle turns the shape about its centre', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-rotate');
  await canvas.drawRectangle([300, 200], [460, 300]);
  const [id] = await canvas.order();
  const before = await canvas.shape(id!);

  // The handle sits above the centre (380, 250); dragging it level with the centre on the right is a quarter turn.
  await canvas.dragRotateHandleTo([520, 250]);
  await expect.poll(async () => (await canvas.shape(id!)).rotation).toBeGreaterThan(1);
  const after = await canvas.shape(id!);
  expect(after.rotation).toBeCloseTo(Math.PI / 2, 2);
  expectNear(after, { w: before.w ?? 0, h: before.h ?? 0 }, 0.01);
  const centre = (box: typeof after.bounds) => ({ cx: (box.minX + box.maxX) / 2, cy: (box.minY + box.maxY) / 2 });
  expectNear(centre(after.bounds), { cx: 380, cy: 250 }, 1);
  // Turned a quarter, the box is now taller than wide.
  expect(after.bounds.maxY - after.bounds.minY).toBeGreaterThan(after.bounds.maxX - after.bounds.minX);
});

test('several selected shapes move and resize together', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-many');
  await canvas.drawRectangle([100, 100], [200, 160]);
  await canvas.drawRectangle([300, 100], [400, 160]);
  const [a, b] = await canvas.order();
  await canvas.click(EMPTY);
  await canvas.drag([80, 80], [420, 180]);
  await expect.poll(() => canvas.selection()).toEqual([a, b]);

  await canvas.drag([150, 100], [200, 140]); // a's top edge, by (50, 40)
  await expect.poll(async () => (await canvas.shape(a!)).x).toBeCloseTo(150, 0);
  expectNear(await canvas.shape(a!), { x: 150, y: 140 });
  expectNear(await canvas.shape(b!), { x: 350, y: 140 });
  expect(await canvas.selection()).toEqual([a, b]);

  // The group's bounds run from 149 to 451 (stroke included); its east edge dragged 302 px doubles it about x = 149.
  await canvas.dragHandle('e', [302, 0]);
  await expect.poll(async () => (await canvas.shape(b!)).x).toBeGreaterThan(500);
  expectNear(await canvas.shape(a!), { x: 151, w: 200, h: 60 });
  expectNear(await canvas.shape(b!), { x: 551, w: 200, h: 60 });
});

test('a double-click on text opens it for editing, and a click away saves the edit', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'select-edit-text');
  await canvas.writeText('Text', [300, 260], 'Hello there', EMPTY);
  const [id] = await canvas.order();
  await expect(canvas.editor).toHaveCount(0);

  await canvas.doubleClick([330, 257]); // inside the words, away from every handle
  await expect(canvas.editor).toHaveValue('Hello there');
  await page.keyboard.type(', Bob');
  await canvas.click(EMPTY);
  await expect(canvas.editor).toHaveCount(0);
  await expect.poll(async () => (await canvas.shape(id!)).text).toBe('Hello there, Bob');
  expect(await canvas.order()).toEqual([id]);
});

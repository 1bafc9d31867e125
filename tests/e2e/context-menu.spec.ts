import type { ShapeSummary } from '../../renderer/app/test-hook';
import { expect, test } from './fixtures';
import { ContextMenuPage } from './pages/context-menu';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

const centreOf = (shape: ShapeSummary) => ({
  cx: (shape.bounds.minX + shape.bounds.maxX) / 2,
  cy: (shape.bounds.minY + shape.bounds.maxY) / 2,
});

/** Paste reads navigator.clipboard (renderer/ui/browser-clipboard.ts), which headless Chromium gates on these. */
test.beforeEach(async ({ context, relay }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
});

test('right-clicking a shape selects it and offers its actions; Delete removes it', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'ctx-shape');
  const menu = new ContextMenuPage(page);
  await canvas.drawRectangle([100, 100], [260, 200]);
  const [rect] = await canvas.shapes();
  await canvas.click([500, 400]); // deselect: the right-click must select it by itself
  expect(await canvas.selection()).toEqual([]);

  await menu.openAt([100, 150]); // on its left edge (an unfilled rectangle is hit on its outline)
  expect(await canvas.selection()).toEqual([rect!.id]);
  expect(await menu.entries()).toEqual([
    'Cut',
    'Copy',
    'Paste',
    'Duplicate',
    'Delete',
    '—',
    'Bring forward',
    'Send backward',
    'Bring to front',
    'Send to back',
    'Lock',
  ]);
  await expect(menu.item('Copy')).toContainText('Ctrl+C');
  await expect(menu.item('Copy')).toHaveAttribute('aria-keyshortcuts', 'Ctrl+C');
  // The only shape cannot move in z-order: greyed out, and a click does nothing.
  await expect(menu.item('Bring to front')).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.item('Delete')).not.toHaveAttribute('aria-disabled', 'true');
  await expect(menu.item('Cut')).toBeFocused();

  await menu.item('Delete').click();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await expect(menu.menu).toBeHidden();
  await expect(canvas.canvas).toBeFocused();
});

test('right-clicking empty canvas offers board actions, and Paste puts the clipboard at that point', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'ctx-canvas');
  const menu = new ContextMenuPage(page);
  await canvas.drawRectangle([100, 100], [200, 160]);
  const [original] = await canvas.shapes();
  await page.keyboard.press('Control+c');

  await menu.openAt([500, 350]);
  expect(await canvas.selection()).toEqual([]); // empty canvas: the menu works on the board
  expect(await menu.entries()).toEqual(['Paste', 'Select all', '—', 'Zoom to fit', '—', 'Undo', 'Redo']);
  await expect(menu.item('Redo')).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.item('Paste')).toBeFocused();

  // The pointer wanders off over the canvas; the paste still lands where the menu was opened.
  await canvas.hover([150, 450]);
  await page.keyboard.press('Enter');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(menu.menu).toBeHidden();
  const pasted = (await canvas.shapes())[1]!;
  expectNear(pasted, { w: original!.w ?? 0, h: original!.h ?? 0 }, 0);
  expectNear(centreOf(pasted), { cx: 500, cy: 350 });
  expect(await canvas.selection()).toEqual([pasted.id]);
});

test('Escape closes the menu and gives focus back to the canvas; so does a click outside', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'ctx-close');
  const menu = new ContextMenuPage(page);
  await canvas.drawRectangle([100, 100], [200, 160]);

  await menu.openAt([100, 130]);
  await page.keyboard.press('Escape');
  await expect(menu.menu).toBeHidden();
  await expect(canvas.canvas).toBeFocused();
  expect(await canvas.shapes()).toHaveLength(1); // Escape ran nothing else

  await menu.openAt([400, 300]);
  await canvas.click([850, 450]); // clear of the menu, which reaches down and right from where it opened
  await expect(menu.menu).toBeHidden();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('arrow keys move over the enabled items, wrapping, and Enter runs the focused one', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'ctx-keys');
  const menu = new ContextMenuPage(page);
  await canvas.drawRectangle([100, 100], [200, 160]);
  const [rect] = await canvas.shapes();

  await menu.openAt([100, 130]);
  await expect(menu.item('Cut')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.item('Copy')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // past the top to the last enabled item, Lock
  await expect(menu.item('Lock')).toBeFocused();
  await page.keyboard.press('ArrowUp'); // the z-order ones are disabled: up from Lock is Delete
  await expect(menu.item('Delete')).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.item('Lock')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.item('Cut')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.item('Duplicate')).toBeFocused();
  // Arrow keys went to the menu, not to the board: the rectangle was not nudged.
  expectNear(await canvas.shape(rect!.id), { x: rect!.x, y: rect!.y }, 0);

  await page.keyboard.press('Enter');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(menu.menu).toBeHidden();
});

test('a menu opened near the window edges stays inside the window', async ({ page, relay }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const { canvas } = await openBoard(page, relay.url, 'ctx-edges');
  const menu = new ContextMenuPage(page);
  const box = await canvas.canvas.boundingBox();
  if (!box) throw new Error('the canvas is not visible');

  await menu.openAt([box.width - 5, box.height - 5]);
  const placed = await menu.menu.boundingBox();
  expect(placed).not.toBeNull();
  expect(placed!.x).toBeGreaterThanOrEqual(0);
  expect(placed!.y).toBeGreaterThanOrEqual(0);
  expect(placed!.x + placed!.width).toBeLessThanOrEqual(900);
  expect(placed!.y + placed!.height).toBeLessThanOrEqual(600);
  // Flipped to the left of and above the pointer rather than squeezed.
  expect(placed!.x + placed!.width).toBeLessThanOrEqual(box.x + box.width - 5);
  expect(placed!.y + placed!.height).toBeLessThanOrEqual(box.y + box.height - 5);
});

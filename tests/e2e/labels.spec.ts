import type { Browser, BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { paintedPixels } from './pages/canvas-pixels';
import { FileMenu } from './pages/file-menu';
import { type OpenBoard, openBoard } from './pages/open-board';

/** A peer sees an edit within a second (collaboration.spec.ts); generous here for a loaded machine. */
const within = { timeout: 5_000, intervals: [50] };

/** Two people in their own browser contexts (own storage, own undo) on one board. */
async function twoPeople(browser: Browser, relayUrl: string, boardId: string) {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext()];
  const [ann, bob] = await Promise.all(
    contexts.map(async (context, i) => openBoard(await context.newPage(), relayUrl, boardId, ['Ann', 'Bob'][i])),
  );
  return { ann: ann as OpenBoard, bob: bob as OpenBoard, close: () => Promise.all(contexts.map((c) => c.close())) };
}

test('Ann labels a box by double-click, typing tool letters that switch no tool; Bob sees the label inside the box', async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await twoPeople(browser, relay.url, 'labels-box');
  await ann.canvas.drawRectangle([100, 100], [400, 240]);
  await expect.poll(() => bob.canvas.shapeTypes(), within).toEqual(['rect']);
  const [id] = await ann.canvas.order();
  const rect = await bob.canvas.shape(id!);
  // The inside of the box, clear of its outline, as Bob's screen shows it: empty before the label.
  const [left, top] = await bob.canvas.toCanvas(rect.x + 10, rect.y + 10);
  const [right, bottom] = await bob.canvas.toCanvas(rect.x + rect.w! - 10, rect.y + rect.h! - 10);
  const inside = () => paintedPixels(bob.page, left, top, right - left, bottom - top);
  expect(await inside()).toBe(0);

  await ann.canvas.doubleClick([250, 170]);
  await expect(ann.canvas.labelEditor).toBeFocused();
  // r, e, t, o, p, n, h and a are tool shortcuts: while a label is typed they are only letters.
  await ann.page.keyboard.type('Ready to ship? ret');
  await expect(ann.canvas.labelEditor).toHaveValue('Ready to ship? ret');
  await expect(ann.canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  expect(await ann.canvas.shapeTypes()).toEqual(['rect']);

  await ann.canvas.click([700, 500]); // a click outside commits
  await expect(ann.canvas.labelEditor).toHaveCount(0);
  await expect.poll(async () => (await ann.canvas.shape(id!)).label).toBe('Ready to ship? ret');
  await expect.poll(async () => (await bob.canvas.shape(id!)).label, within).toBe('Ready to ship? ret');
  await expect.poll(inside, within).toBeGreaterThan(50);
  expect(await ann.canvas.shapeTypes()).toEqual(['rect']);

  // One undo step takes the whole label back, on both screens.
  await ann.page.keyboard.press('Control+z');
  await expect.poll(async () => (await ann.canvas.shape(id!)).label).toBeUndefined();
  await expect.poll(async () => (await bob.canvas.shape(id!)).label, within).toBeUndefined();
  await expect.poll(inside, within).toBe(0);
  await close();
});

test('Enter on a selected ellipse edits its label; an arrow takes one too; the SVG export carries them as text', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'labels-enter');
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([150, 120], [390, 280]);
  const [ellipse] = await canvas.order();
  await expect.poll(() => canvas.selection()).toEqual([ellipse]);

  await page.keyboard.press('Enter');
  await expect(canvas.labelEditor).toBeFocused();
  await page.keyboard.type('Decide');
  await page.keyboard.press('Escape'); // Esc keeps what was typed
  await expect(canvas.labelEditor).toHaveCount(0);
  await expect.poll(async () => (await canvas.shape(ellipse!)).label).toBe('Decide');
  expect(await canvas.selection()).toEqual([ellipse]);

  // Enter again opens the label as it is; an emptied label is removed.
  await page.keyboard.press('Enter');
  await expect(canvas.labelEditor).toHaveValue('Decide');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await canvas.shape(ellipse!)).label).toBeUndefined();
  expect(await canvas.shapeTypes()).toEqual(['ellipse']);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Decide');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await canvas.shape(ellipse!)).label).toBe('Decide');

  await canvas.chooseTool('Arrow', 'key');
  await canvas.drag([450, 200], [750, 200]);
  const arrow = (await canvas.order())[1];
  await canvas.doubleClick([600, 200]);
  await expect(canvas.labelEditor).toBeFocused();
  await page.keyboard.type('yes');
  await canvas.click([600, 500]);
  await expect.poll(async () => (await canvas.shape(arrow!)).label).toBe('yes');

  const file = new FileMenu(page);
  const svg = (await file.download('Export SVG')).bytes.toString('utf8');
  expect(svg).toMatch(/<g data-shape="ellipse"[^>]*>.*<tspan[^>]*>Decide<\/tspan>/);
  expect(svg).toMatch(/<g data-shape="arrow"[^>]*>.*<tspan[^>]*>yes<\/tspan>/);
});

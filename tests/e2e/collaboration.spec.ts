import type { Browser, BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import type { CanvasPage } from './pages/canvas-page';
import { type OpenBoard, openBoard } from './pages/open-board';

/** What the issue asks of sync: a peer sees an edit within a second. */
const SYNC_MS = 1_000;
const within = { timeout: SYNC_MS, intervals: [25] };

const summary = async (canvas: CanvasPage) =>
  (await canvas.shapes()).map(({ id, type, x, y, w, h }) => ({ id, type, x, y, w, h }));

/** Two people in their own browser contexts (own storage, own undo) on one board. */
async function twoPeople(browser: Browser, relayUrl: string, boardId: string) {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext()];
  const [ann, bob] = await Promise.all(
    contexts.map(async (context, i) => openBoard(await context.newPage(), relayUrl, boardId, ['Ann', 'Bob'][i])),
  );
  return { ann: ann as OpenBoard, bob: bob as OpenBoard, close: () => Promise.all(contexts.map((c) => c.close())) };
}

test("two people on one board see each other's shapes within a second", async ({ browser, relay }) => {
  const { ann, bob, close } = await twoPeople(browser, relay.url, 'collab-see');

  await ann.canvas.drawRectangle([60, 60], [200, 160]);
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect.poll(() => summary(bob.canvas), within).toEqual(await summary(ann.canvas));

  await bob.canvas.chooseTool('Ellipse', 'key');
  await bob.canvas.drag([300, 200], [420, 300]);
  await bob.canvas.writeText('Note', [600, 250], 'From Bob', [900, 480], 'key');
  await expect(bob.canvas.canvas).toHaveAttribute('data-shape-count', '3');
  await expect.poll(() => summary(ann.canvas), within).toEqual(await summary(bob.canvas));
  expect((await ann.canvas.shapes()).map((shape) => shape.text ?? shape.type)).toEqual(['rect', 'ellipse', 'From Bob']);

  // A move is seen too, not only new shapes (where it lands: 100 px right, give or take a snap to another shape's edge).
  const [rect] = await ann.canvas.order();
  await bob.canvas.drag([130, 60], [230, 110]);
  await expect.poll(async () => (await bob.canvas.shape(rect!)).x).toBeGreaterThan(150);
  const moved = (await bob.canvas.shape(rect!)).x;
  expect(moved).toBeLessThan(170);
  await expect.poll(async () => (await ann.canvas.shape(rect!)).x, within).toBe(moved);
  await close();
});

test("undo is per person: Ann's Ctrl+Z takes back her shape and leaves Bob's, on both screens", async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await twoPeople(browser, relay.url, 'collab-undo');
  await ann.canvas.drawRectangle([60, 60], [200, 160]);
  await expect.poll(() => bob.canvas.shapeTypes(), within).toEqual(['rect']);
  await bob.canvas.chooseTool('Ellipse', 'key');
  await bob.canvas.drag([300, 200], [420, 300]);
  await expect.poll(() => ann.canvas.shapeTypes(), within).toEqual(['rect', 'ellipse']);

  // Ann drew before Bob, yet her undo reverts her rectangle, not his later ellipse.
  await ann.page.keyboard.press('Control+z');
  await expect.poll(() => ann.canvas.shapeTypes()).toEqual(['ellipse']);
  await expect.poll(() => bob.canvas.shapeTypes(), within).toEqual(['ellipse']);
  await expect(bob.canvas.undoButton).toBeEnabled(); // Bob's own step is still his to undo

  await ann.page.keyboard.press('Control+Shift+z');
  await expect.poll(() => ann.canvas.shapeTypes()).toEqual(['rect', 'ellipse']);
  await expect.poll(() => bob.canvas.shapeTypes(), within).toEqual(['rect', 'ellipse']);

  await bob.page.keyboard.press('Control+z');
  await expect.poll(() => ann.canvas.shapeTypes(), within).toEqual(['rect']);
  expect(await bob.canvas.shapeTypes()).toEqual(['rect']);
  await close();
});

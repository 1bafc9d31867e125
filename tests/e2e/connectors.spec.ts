import type { Browser, BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConnectorsPage, distanceToBoxOutline } from './pages/connectors';
import { type OpenBoard, openBoard } from './pages/open-board';

/** A peer sees an edit within a second (the sync target); generous for a loaded machine. */
const within = { timeout: 5_000, intervals: [50] };
/** A bound end sits this close outside its shape's outline: the gap plus half the stroke, and some rounding. */
const NEAR_OUTLINE = 8;

async function twoPeople(browser: Browser, relayUrl: string, boardId: string) {
  const contexts: BrowserContext[] = [await browser.newContext(), await browser.newContext()];
  const [ann, bob] = await Promise.all(
    contexts.map(async (context, i) => openBoard(await context.newPage(), relayUrl, boardId, ['Ann', 'Bob'][i])),
  );
  return { ann: ann as OpenBoard, bob: bob as OpenBoard, close: () => Promise.all(contexts.map((c) => c.close())) };
}

test('an arrow drawn from one box to another follows the box Ann moves, on her screen and on Bob’s', async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await twoPeople(browser, relay.url, 'connectors-follow');
  const annArrows = new ConnectorsPage(ann.canvas);
  const bobArrows = new ConnectorsPage(bob.canvas);

  await ann.canvas.drawRectangle([100, 120], [240, 220]);
  await ann.canvas.drawRectangle([480, 120], [620, 220]);
  await annArrows.drawArrow([170, 170], [550, 170]);
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '3');
  const [left, right, arrow] = await ann.canvas.order();

  // Both ends bound, each drawn just outside its box.
  const drawn = await annArrows.drawn(arrow!);
  expect(drawn).toMatchObject({ startBoundTo: left, endBoundTo: right });
  expect(distanceToBoxOutline(drawn.start, await ann.canvas.shape(left!))).toBeLessThan(NEAR_OUTLINE);
  expect(distanceToBoxOutline(drawn.end, await ann.canvas.shape(right!))).toBeLessThan(NEAR_OUTLINE);

  // Ann moves the right box down by its top edge; the arrow's end goes with it.
  await ann.canvas.chooseTool('Select');
  await ann.canvas.drag([520, 120], [520, 340], 12);
  await expect.poll(async () => (await ann.canvas.shape(right!)).y).toBeGreaterThan(300);
  const moved = await ann.canvas.shape(right!);
  const after = await annArrows.drawn(arrow!);
  expect(after.endBoundTo).toBe(right);
  expect(distanceToBoxOutline(after.end, moved)).toBeLessThan(NEAR_OUTLINE);
  expect(after.end.y).toBeGreaterThan(drawn.end.y + 100);
  expect(after.start.x).toBeCloseTo(drawn.start.x, -1); // the other end stays on the left box

  // Bob sees the moved box and the same arrow, following it.
  await expect.poll(async () => (await bob.canvas.shape(right!)).y, within).toBeCloseTo(moved.y, 3);
  await expect.poll(() => bobArrows.drawn(arrow!), within).toEqual(after);
  await close();
});

import type { CanvasPage, CanvasPoint } from './pages/canvas-page';
import { annAndBob, joinAs, type Person } from './pages/people';
import type { CanvasRect, PresencePage } from './pages/presence-page';
import { expect, test } from './fixtures';

/** Presence travels at ~30 Hz and glides over ~50 ms; a second is the bound for seeing a peer. */
const LIVE = { timeout: 1_000, intervals: [20] };
/** How far a cursor may sit from where it belongs, screen px (sub-pixel layout, rounding of the transform). */
const CURSOR_SLACK_PX = 3;

/** Distance on screen between `name`'s cursor on `presence` and the board point as `canvas` maps it now. */
async function cursorOffset(presence: PresencePage, canvas: CanvasPage, name: string, board: { x: number; y: number }) {
  const [drawn, expected] = await Promise.all([presence.cursorPosition(name), canvas.toCanvas(board.x, board.y)]);
  if (!drawn) return Infinity;
  return Math.hypot(drawn[0] - expected[0], drawn[1] - expected[1]);
}

/** The board point under a canvas point of `person`, through their viewport. */
async function boardPointAt(person: Person, [x, y]: CanvasPoint) {
  const { viewport } = await person.canvas.snapshot();
  return { x: viewport.x + x / viewport.zoom, y: viewport.y + y / viewport.zoom };
}

/** A band of `margin` px around a board box, on `canvas`'s screen. */
async function around(canvas: CanvasPage, box: { minX: number; minY: number; maxX: number; maxY: number }, margin = 8) {
  const [x0, y0] = await canvas.toCanvas(box.minX, box.minY);
  const [x1, y1] = await canvas.toCanvas(box.maxX, box.maxY);
  return { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin, height: y1 - y0 + 2 * margin };
}

test("Ann sees Bob's cursor, named, on the board point under his pointer, through his zoom and pan and hers", async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'presence-cursor');
  await expect(ann.presence.cursors).toHaveCount(0);

  await bob.presence.moveTo([300, 200]);
  const first = await boardPointAt(bob, [300, 200]);
  await expect(ann.presence.cursor('Bob')).toHaveCount(1);
  await expect(ann.presence.cursor('Bob')).toContainText('Bob');
  await expect.poll(() => cursorOffset(ann.presence, ann.canvas, 'Bob', first), LIVE).toBeLessThan(CURSOR_SLACK_PX);

  // Bob zooms in around his pointer: the board point under it stays, and so does his cursor on Ann's screen.
  await bob.presence.wheel([300, 200], { y: -80 }, { zoom: true, notches: 6 });
  await expect.poll(async () => (await bob.canvas.snapshot()).viewport.zoom).toBeGreaterThan(1.5);
  await bob.presence.moveTo([520, 330]);
  const zoomed = await boardPointAt(bob, [520, 330]);
  expect(zoomed.x).toBeLessThan(520); // at zoom > 1 the same screen point is nearer the origin
  await expect.poll(() => cursorOffset(ann.presence, ann.canvas, 'Bob', zoomed), LIVE).toBeLessThan(CURSOR_SLACK_PX);

  // Bob pans with the wheel without moving the mouse: another board point is under his pointer now.
  const unpanned = (await bob.canvas.snapshot()).viewport;
  await bob.page.mouse.wheel(120, 80);
  await expect.poll(async () => (await bob.canvas.snapshot()).viewport.x).toBeGreaterThan(unpanned.x + 30);
  const panned = await boardPointAt(bob, [520, 330]);
  expect(Math.hypot(panned.x - zoomed.x, panned.y - zoomed.y)).toBeGreaterThan(30);
  await expect.poll(() => cursorOffset(ann.presence, ann.canvas, 'Bob', panned), LIVE).toBeLessThan(CURSOR_SLACK_PX);

  // Ann pans and zooms her own view: Bob's cursor moves with her board.
  const before = await ann.presence.cursorPosition('Bob');
  await ann.presence.wheel([600, 400], { x: -150, y: -90 });
  await ann.presence.wheel([600, 400], { y: 150 }, { zoom: true, notches: 9 });
  await expect.poll(async () => (await ann.canvas.snapshot()).viewport.zoom).toBeLessThan(0.5);
  await expect.poll(() => cursorOffset(ann.presence, ann.canvas, 'Bob', panned), LIVE).toBeLessThan(CURSOR_SLACK_PX);
  const after = await ann.presence.cursorPosition('Bob');
  expect(Math.hypot(after![0] - before![0], after![1] - before![1])).toBeGreaterThan(50);
  await close();
});

test("Bob's selection outline and his stroke in progress show on Ann's canvas in his colour, before he lets go", async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'presence-work');
  const bobColor = await ann.presence.colorOf('Bob');

  // Drawing a rectangle leaves it selected on Bob's side: Ann sees his outline around it.
  await bob.canvas.drawRectangle([100, 100], [260, 200]);
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1', LIVE);
  const [rect] = await ann.canvas.shapes();
  const rectArea = await around(ann.canvas, rect!.bounds);
  await expect.poll(() => ann.presence.pixelsOfColor(rectArea, bobColor), LIVE).toBeGreaterThan(100);

  // Bob clicks empty board: the outline goes.
  await bob.canvas.click([700, 500]);
  await expect.poll(() => ann.presence.pixelsOfColor(rectArea, bobColor), LIVE).toBe(0);

  // A pen stroke shows on Ann's canvas while Bob still holds the button, though it is not in the doc yet.
  const strokeArea: CanvasRect = { x: 380, y: 280, width: 260, height: 140 };
  expect(await ann.presence.paintedPixels(strokeArea)).toBe(0);
  await bob.canvas.chooseTool('Pen');
  await bob.presence.press([400, 300]);
  await bob.presence.moveTo([500, 380]);
  await bob.presence.moveTo([620, 320]);
  await expect.poll(() => ann.presence.paintedPixels(strokeArea), LIVE).toBeGreaterThan(50);
  expect(await ann.canvas.shapeCount()).toBe('1');
  await bob.presence.release();
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '2', LIVE);
  await expect.poll(() => ann.presence.paintedPixels(strokeArea), LIVE).toBeGreaterThan(50);
  await close();
});

test('while Bob drags a shape, Ann sees it move and not also where it was', async ({ browser, relay }) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'presence-drag');
  await bob.canvas.drawRectangle([100, 100], [260, 200]);
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1', LIVE);
  const [rect] = await ann.canvas.shapes();
  // The left edge as it is now, and where it will be after a 300 px drag.
  const oldEdge: CanvasRect = { x: 94, y: 110, width: 12, height: 80 };
  const newEdge: CanvasRect = { x: 394, y: 110, width: 12, height: 80 };
  await expect.poll(() => ann.presence.paintedPixels(oldEdge), LIVE).toBeGreaterThan(50);
  expect(await ann.presence.paintedPixels(newEdge)).toBe(0);

  // Bob lets go of the selection first, so the press lands on the edge, not on a resize handle.
  await bob.canvas.click([700, 500]);
  await bob.presence.press([100, 125]);
  await bob.presence.moveTo([400, 125], 10);
  await expect.poll(() => ann.presence.paintedPixels(newEdge), LIVE).toBeGreaterThan(50);
  await expect.poll(() => ann.presence.paintedPixels(oldEdge), LIVE).toBe(0);
  expect((await ann.canvas.shape(rect!.id)).x).toBeCloseTo(rect!.x, 0); // the doc has not changed yet

  await bob.presence.release();
  await expect.poll(async () => (await ann.canvas.shape(rect!.id)).x, LIVE).toBeCloseTo(rect!.x + 300, 0);
  await close();
});

test('Ann follows Bob: her view moves with his, he sees it, and Esc lets her go', async ({ browser, relay }) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'presence-follow');
  const viewportOf = async (person: Person) => (await person.canvas.snapshot()).viewport;

  await ann.presence.clickParticipant('Bob');
  await expect(ann.presence.followingBanner).toHaveText('Following Bob — Esc to stop');
  await expect(bob.presence.followers).toHaveText('Ann is following you', LIVE);

  await bob.presence.wheel([400, 300], { x: 240, y: 160 });
  await bob.presence.wheel([400, 300], { y: -120 }, { zoom: true, notches: 3 });
  const bobs = await viewportOf(bob);
  expect(bobs.zoom).toBeGreaterThan(1.2);
  await expect.poll(() => followGap(ann, bob), LIVE).toBeLessThan(0.01);

  await ann.page.keyboard.press('Escape');
  await expect(ann.presence.followingBanner).toHaveCount(0);
  await expect(bob.presence.followers).toHaveCount(0, LIVE);
  const stoppedAt = await viewportOf(ann);
  await bob.presence.wheel([400, 300], { x: -300, y: 0 });
  await expect.poll(async () => (await viewportOf(bob)).x).toBeLessThan(bobs.x - 50);
  // Once Ann sees Bob's pointer where his panned view puts it, his pan has reached her too: her view stayed.
  await bob.presence.moveTo([420, 320]);
  await expect.poll(() => cursorOffsetToBob(ann, bob, [420, 320]), LIVE).toBeLessThan(CURSOR_SLACK_PX);
  expect(await viewportOf(ann)).toEqual(stoppedAt);
  await close();
});

test('two people following each other, on screens of different shapes, both keep their view', async ({
  browser,
  relay,
}) => {
  const [ann, bob] = await Promise.all([
    joinAs(browser, relay.url, 'presence-mutual', 'Ann', { width: 1280, height: 720 }),
    joinAs(browser, relay.url, 'presence-mutual', 'Bob', { width: 900, height: 800 }),
  ]);
  await bob.presence.wheel([400, 300], { y: -60 }, { zoom: true, notches: 7 });
  await ann.presence.participant('Bob').click();
  await expect.poll(() => followGap(ann, bob), LIVE).toBeLessThan(0.01);
  const annFollowing = (await ann.canvas.snapshot()).viewport;

  await bob.presence.participant('Ann').click();
  await expect(bob.presence.followers).toHaveText('Ann is following you');
  await expect(ann.presence.followers).toHaveText('Bob is following you', LIVE);
  // Each copying the other's view would fit it into a differently shaped screen, zooming out every round.
  await expect(bob.presence.followingBanner).toHaveText('Following Ann — Esc to stop');
  await ann.presence.moveTo([600, 300]);
  await expect.poll(() => cursorOffsetToAnn(bob, ann, [600, 300]), LIVE).toBeLessThan(CURSOR_SLACK_PX);
  expect((await ann.canvas.snapshot()).viewport.zoom).toBeCloseTo(annFollowing.zoom, 5);
  expect((await bob.canvas.snapshot()).viewport.zoom).toBeGreaterThan(1.5);
  await Promise.all([ann.context.close(), bob.context.close()]);
});

/**
 * How far Ann's view is from showing what Bob sees: her view must have his
 * centre, at the zoom that fits his whole view into her canvas (the two
 * headers may differ in height, so the canvases may too). 0 when it does.
 */
async function followGap(ann: Person, bob: Person): Promise<number> {
  const [annView, bobView, annBox, bobBox] = await Promise.all([
    ann.canvas.snapshot().then((s) => s.viewport),
    bob.canvas.snapshot().then((s) => s.viewport),
    ann.canvas.canvas.boundingBox(),
    bob.canvas.canvas.boundingBox(),
  ]);
  if (!annBox || !bobBox) throw new Error('a canvas is not visible');
  const centre = (view: typeof annView, box: { width: number; height: number }) => ({
    x: view.x + box.width / view.zoom / 2,
    y: view.y + box.height / view.zoom / 2,
  });
  const annCentre = centre(annView, annBox);
  const bobCentre = centre(bobView, bobBox);
  const fitZoom = Math.min(
    annBox.width / (bobBox.width / bobView.zoom),
    annBox.height / (bobBox.height / bobView.zoom),
  );
  return Math.max(
    Math.abs(annCentre.x - bobCentre.x),
    Math.abs(annCentre.y - bobCentre.y),
    Math.abs(annView.zoom - fitZoom) * 100,
  );
}

/** Bob's screen distance between Ann's drawn cursor and the board point under Ann's pointer at `at`. */
async function cursorOffsetToAnn(bob: Person, ann: Person, at: CanvasPoint) {
  return cursorOffset(bob.presence, bob.canvas, 'Ann', await boardPointAt(ann, at));
}

/** Ann's screen distance between Bob's drawn cursor and the board point under Bob's pointer at `at`. */
async function cursorOffsetToBob(ann: Person, bob: Person, at: CanvasPoint) {
  return cursorOffset(ann.presence, ann.canvas, 'Bob', await boardPointAt(bob, at));
}

test("when Bob closes his tab, his cursor leaves Ann's screen within a second", async ({ browser, relay }) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'presence-leave');
  await bob.presence.moveTo([300, 200]);
  await expect(ann.presence.cursor('Bob')).toBeVisible(LIVE);

  await bob.page.close();
  await expect(ann.presence.cursor('Bob')).toHaveCount(0, { timeout: 1_000 });
  await expect(ann.presence.participant('Bob')).toHaveCount(0, { timeout: 1_000 });
  await close();
});

test('a new name persists across a reload and shows to the others', async ({ browser, relay }) => {
  const ann = await joinAs(browser, relay.url, 'presence-rename', 'Ann');
  // Bob comes without ?name=: he gets a remembered random identity.
  const bob = await joinAs(browser, relay.url, 'presence-rename');
  const randomName = await bob.presence.myName();
  await expect(ann.presence.participant(randomName)).toHaveCount(1, LIVE);

  await bob.canvas.drawRectangle([300, 200], [420, 300]);
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '1', LIVE);

  await bob.presence.rename('Zoë Quinn');
  await expect(ann.presence.participant('Zoë Quinn')).toHaveCount(1, LIVE);
  await expect(ann.presence.participant(randomName)).toHaveCount(0);
  await bob.presence.moveTo([200, 150]);
  await expect(ann.presence.cursor('Zoë Quinn')).toBeVisible(LIVE);
  // A rename changes how Bob is shown, not his session: his undo history is still his.
  await bob.canvas.undoButton.click();
  await expect(ann.canvas.canvas).toHaveAttribute('data-shape-count', '0', LIVE);

  await bob.page.reload();
  await expect(bob.board.status).toHaveText('Saved');
  expect(await bob.presence.myName()).toBe('Zoë Quinn');
  await expect(ann.presence.participant('Zoë Quinn')).toHaveCount(1, LIVE);
  await expect(ann.presence.participants).toHaveCount(1);
  await Promise.all([ann.context.close(), bob.context.close()]);
});

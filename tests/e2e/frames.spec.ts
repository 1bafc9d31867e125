import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import type { ShapeSummary } from '../../renderer/app/test-hook';
import { connectRaw, request } from '../support/protocol-client';
import { decodePng, pixelsUnlike } from '../support/png';
import { expect, test } from './fixtures';
import type { CanvasPage } from './pages/canvas-page';
import { FramesPage } from './pages/frames-page';
import { openBoard } from './pages/open-board';
import { annAndBob, type Person } from './pages/people';
import { PresencePage } from './pages/presence-page';

/** Presence travels at ~30 Hz; a second and a half covers a loaded machine. */
const LIVE = { timeout: 1_500, intervals: [20] };
const LASER_RED = { r: 255, g: 45, b: 45 };

async function byId(canvas: CanvasPage, id: string): Promise<ShapeSummary> {
  return canvas.shape(id);
}

/** The board point at the centre of a person's canvas. */
async function viewCentre(person: Person): Promise<{ x: number; y: number }> {
  const [{ viewport }, box] = await Promise.all([person.canvas.snapshot(), person.canvas.canvas.boundingBox()]);
  if (!box) throw new Error('no canvas');
  return { x: viewport.x + box.width / viewport.zoom / 2, y: viewport.y + box.height / viewport.zoom / 2 };
}

function centreOf(shape: ShapeSummary): { x: number; y: number } {
  return { x: shape.x + shape.w! / 2, y: shape.y + shape.h! / 2 };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

test('a frame holds what is drawn in it: its members move with it and are clipped to it', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'frames-hold');
  const frames = new FramesPage(page, canvas);
  const frame = await frames.drawFrame([100, 150], [500, 450]);
  expect(frame).toMatchObject({ name: 'Frame 1', w: 400, h: 300 });

  await canvas.drawRectangle([150, 200], [250, 300], 'key');
  // Its centre is inside the frame, its right part beyond the frame's right edge (x 500 on screen).
  await canvas.drawRectangle([400, 250], [600, 350], 'key');
  await canvas.drawRectangle([700, 200], [780, 280], 'key');
  const [inside, crossing, outside] = (await canvas.shapes()).filter((shape) => shape.type === 'rect');
  expect(inside?.frameId).toBe(frame.id);
  expect(crossing?.frameId).toBe(frame.id);
  expect(outside?.frameId).toBeUndefined();

  // Clipped: the crossing rectangle's top edge shows inside the frame and not past its edge.
  await page.keyboard.press('Escape'); // no selection outline over the pixels
  await expect.poll(() => canvas.selection()).toEqual([]);
  const edge = await canvas.toCanvas(crossing!.x, crossing!.y);
  const pixels = new PresencePage(page);
  const band = (x: number) => ({ x, y: edge[1] - 3, width: 30, height: 6 });
  await expect.poll(() => pixels.paintedPixels(band(edge[0] + 40))).toBeGreaterThan(20);
  expect(await pixels.paintedPixels(band(edge[0] + 140))).toBe(0);

  // Moving the frame by its name moves both members, not the shape outside.
  await frames.dragFrame(frame, [120, 60]);
  await expect.poll(async () => (await byId(canvas, frame.id)).x).toBeCloseTo(frame.x + 120, 0);
  expect((await byId(canvas, inside!.id)).x).toBeCloseTo(inside!.x + 120, 0);
  expect((await byId(canvas, crossing!.id)).y).toBeCloseTo(crossing!.y + 60, 0);
  expect((await byId(canvas, outside!.id)).x).toBe(outside!.x);

  // A member dragged out of the frame (by its top edge, clear of the handles) leaves it.
  const moved = await byId(canvas, inside!.id);
  const [mx, my] = await canvas.toCanvas(moved.x + 25, moved.y);
  await canvas.click([mx, my]);
  await canvas.drag([mx, my], [mx + 700, my + 200]);
  await expect.poll(async () => (await byId(canvas, inside!.id)).frameId).toBeUndefined();
  expect((await byId(canvas, inside!.id)).x).toBeGreaterThan(moved.x + 600);
});

test('the frame list jumps to a frame and exports it as a PNG of the frame alone', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'frames-list');
  const frames = new FramesPage(page, canvas);
  const first = await frames.drawFrame([100, 150], [400, 350]);
  await canvas.drawRectangle([150, 200], [250, 300], 'key');
  const second = await frames.drawFrame([600, 150], [800, 300]);
  await frames.openList();
  expect(await frames.listedNames()).toEqual(['Frame 1', 'Frame 2']);

  await frames.jumpTo('Frame 2');
  await expect.poll(async () => distance(await viewCentreOf(canvas), centreOf(second))).toBeLessThan(1);
  await frames.jumpTo('Frame 1');
  await expect.poll(async () => distance(await viewCentreOf(canvas), centreOf(first))).toBeLessThan(1);

  const downloaded = page.waitForEvent('download');
  await frames.exportButton('Frame 1', 'PNG').click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('frames-list-Frame 1.png');
  const png = decodePng(await readFile(await download.path()));
  // The frame's box (300 × 200 board units, its outline 1 wide) at twice its size.
  expect(Math.abs(png.width - 301 * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.height - 201 * 2)).toBeLessThanOrEqual(2);
  expect(pixelsUnlike(png, [255, 255, 255])).toBeGreaterThan(500);
});

async function viewCentreOf(canvas: CanvasPage): Promise<{ x: number; y: number }> {
  const [{ viewport }, box] = await Promise.all([canvas.snapshot(), canvas.canvas.boundingBox()]);
  if (!box) throw new Error('no canvas');
  return { x: viewport.x + box.width / viewport.zoom / 2, y: viewport.y + box.height / viewport.zoom / 2 };
}

test('Ann presents two frames while Bob follows her: after each step Bob sees the frame she shows', async ({
  browser,
  relay,
}) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'frames-present');
  const annFrames = new FramesPage(ann.page, ann.canvas);
  const one = await annFrames.drawFrame([100, 150], [400, 350]);
  const two = await annFrames.drawFrame([700, 400], [900, 550]);
  await expect(bob.canvas.canvas).toHaveAttribute('data-shape-count', '2', LIVE);

  await ann.page.keyboard.press('Escape');
  await annFrames.present();
  await expect(annFrames.presented).toHaveText('Frame 1 (1 / 2)');
  // Bob is offered to follow the presenter, and takes it.
  const bobFrames = new FramesPage(bob.page, bob.canvas);
  await expect(bobFrames.presentingOffer).toContainText('Ann is presenting', LIVE);
  await bobFrames.presentingOffer.getByRole('button', { name: 'Follow' }).click();
  await expect(bob.presence.followingBanner).toHaveText('Following Ann — Esc to stop');
  await expect(bobFrames.presentingOffer).toHaveCount(0);
  await expect.poll(async () => distance(await viewCentre(ann), centreOf(one))).toBeLessThan(1);
  await expect.poll(async () => distance(await viewCentre(bob), centreOf(one)), LIVE).toBeLessThan(2);

  await annFrames.next();
  await expect(annFrames.presented).toHaveText('Frame 2 (2 / 2)');
  await expect.poll(async () => distance(await viewCentre(ann), centreOf(two))).toBeLessThan(1);
  await expect.poll(async () => distance(await viewCentre(bob), centreOf(two)), LIVE).toBeLessThan(2);
  // Bob's zoom shows the whole frame as Ann's does (his canvas may differ a little in size).
  const bobView = (await bob.canvas.snapshot()).viewport;
  const bobBox = (await bob.canvas.canvas.boundingBox())!;
  expect(bobBox.width / bobView.zoom).toBeGreaterThanOrEqual(two.w!);
  expect(bobBox.height / bobView.zoom).toBeGreaterThanOrEqual(two.h!);

  await ann.page.keyboard.press('Escape');
  await expect(annFrames.presented).toHaveCount(0);
  await close();
});

test("Ann's laser trail shows on Bob's screen, fades, and writes nothing to the board", async ({ browser, relay }) => {
  const { ann, bob, close } = await annAndBob(browser, relay.url, 'frames-laser');
  await ann.canvas.drawRectangle([100, 400], [200, 480], 'key');
  await expect(bob.canvas.canvas).toHaveAttribute('data-shape-count', '1', LIVE);

  // A third client on the relay sees every board:update anyone sends to this board.
  const watcher = await connectRaw(relay.url);
  const updates: unknown[] = [];
  watcher.on('board:update', (payload: unknown) => updates.push(payload));
  const joined = await request<{ ok: boolean }>(watcher, 'board:join', {
    boardId: 'frames-laser',
    stateVector: Y.encodeStateVector(new Y.Doc()),
  });
  expect(joined.ok).toBe(true);
  const shapesBefore = await ann.canvas.shapes();

  const annFrames = new FramesPage(ann.page, ann.canvas);
  const area = { x: 300, y: 180, width: 420, height: 140 };
  expect(await bob.presence.pixelsOfColor(area, LASER_RED)).toBe(0);
  await annFrames.laser([
    [320, 250],
    [400, 230],
    [500, 260],
    [600, 240],
    [700, 250],
  ]);
  await expect.poll(() => bob.presence.pixelsOfColor(area, LASER_RED), LIVE).toBeGreaterThan(30);
  // It fades: a couple of seconds later nothing of it is left.
  await expect.poll(() => bob.presence.pixelsOfColor(area, LASER_RED), { timeout: 4_000 }).toBe(0);

  expect(await ann.canvas.shapes()).toEqual(shapesBefore);
  expect(await bob.canvas.shapes()).toEqual(shapesBefore);
  expect(updates).toEqual([]);
  watcher.close();
  await close();
});

import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, type Viewport } from '../state/ui-store';
import type { Point } from './action';
import { unionBounds } from './bounds';
import { createDefaultActions } from './registry';
import { createTestContext, rect, type TestContext } from './test-context';
import { FIT_MARGIN_PX, nextZoomStop } from './view-actions';

const registry = createDefaultActions();

/** The board point in the middle of the 1000 × 800 canvas. */
function centreOf(viewport: Viewport, ctx: TestContext): Point {
  return {
    x: viewport.x + ctx.canvas.width / 2 / viewport.zoom,
    y: viewport.y + ctx.canvas.height / 2 / viewport.zoom,
  };
}

describe('zoom in and out', () => {
  it('step through round zooms and keep the board point at the centre of the canvas still', () => {
    const ctx = createTestContext();
    ctx.ui.getState().setViewport({ x: 300, y: -200, zoom: 1 });
    const before = centreOf(ctx.ui.getState().viewport, ctx);
    registry.handleKeyDown({ key: '=' }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1.25);
    registry.handleKeyDown({ key: '+', shiftKey: true }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1.5);
    registry.handleKeyDown({ key: '-' }, ctx);
    registry.handleKeyDown({ key: '-' }, ctx);
    registry.handleKeyDown({ key: '-' }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(0.75);
    const after = centreOf(ctx.ui.getState().viewport, ctx);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it.each([
    ['Windows and Linux', false],
    ['macOS', true],
  ])('take Ctrl/Cmd+=, Ctrl/Cmd+Shift+= (+), Ctrl/Cmd+- and Ctrl/Cmd+0 on %s, as browsers do', (_os, isMac) => {
    const ctx = createTestContext({ isMac });
    const mod = isMac ? { metaKey: true } : { ctrlKey: true };
    registry.handleKeyDown({ key: '=', ...mod }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1.25);
    registry.handleKeyDown({ key: '+', shiftKey: true, ...mod }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1.5);
    registry.handleKeyDown({ key: '-', ...mod }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1.25);
    expect(registry.handleKeyDown({ key: '0', code: 'Digit0', ...mod }, ctx)?.id).toBe('view.resetZoom');
    expect(ctx.ui.getState().viewport.zoom).toBe(1);
    // The other platform's modifier is not ours: Ctrl+= on a Mac is left alone.
    expect(registry.handleKeyDown({ key: '=', ...(isMac ? { ctrlKey: true } : { metaKey: true }) }, ctx)).toBe(
      undefined,
    );
  });

  it('go from an in-between zoom to the next stop, and stop at 10 % and 800 %', () => {
    expect(nextZoomStop(0.37, 'in')).toBe(0.5);
    expect(nextZoomStop(0.37, 'out')).toBe(0.25);
    expect(nextZoomStop(0.9999999, 'in')).toBe(1.25);
    expect(nextZoomStop(7, 'in')).toBe(MAX_ZOOM);
    expect(nextZoomStop(MAX_ZOOM, 'in')).toBe(MAX_ZOOM);
    expect(nextZoomStop(MIN_ZOOM, 'out')).toBe(MIN_ZOOM);

    const ctx = createTestContext();
    for (let i = 0; i < 20; i++) registry.perform('view.zoomIn', ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(MAX_ZOOM);
    expect(registry.isEnabled('view.zoomIn', ctx)).toBe(false);
    for (let i = 0; i < 20; i++) registry.perform('view.zoomOut', ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(MIN_ZOOM);
    expect(registry.isEnabled('view.zoomOut', ctx)).toBe(false);
  });

  it('do not touch the board or the undo stack', () => {
    const ctx = createTestContext();
    registry.perform('view.zoomIn', ctx);
    expect(ctx.undo.canUndo).toBe(false);
  });
});

describe('zoom to fit', () => {
  it('fits every shape inside the canvas with a margin, centred', () => {
    const ctx = createTestContext();
    ctx.board.create([rect('a', { x: 0, y: 0, w: 200, h: 100 }), rect('b', { x: 300, y: 400, w: 100, h: 100 })]);
    registry.handleKeyDown({ key: '!', code: 'Digit1', shiftKey: true }, ctx);
    const viewport = ctx.ui.getState().viewport;
    const bounds = unionBounds(ctx.board.all())!;
    const toScreen = (x: number, y: number) => ({
      x: (x - viewport.x) * viewport.zoom,
      y: (y - viewport.y) * viewport.zoom,
    });
    const topLeft = toScreen(bounds.minX, bounds.minY);
    const bottomRight = toScreen(bounds.maxX, bounds.maxY);
    // Height is the tighter side here: it fills the canvas but for the margins, width is centred.
    expect(topLeft.y).toBeCloseTo(FIT_MARGIN_PX);
    expect(bottomRight.y).toBeCloseTo(800 - FIT_MARGIN_PX);
    expect(topLeft.x).toBeGreaterThanOrEqual(FIT_MARGIN_PX);
    expect(topLeft.x + bottomRight.x).toBeCloseTo(1000);
  });

  it('clamps to 800 % for a tiny board and 10 % for a huge one, and is disabled on an empty board', () => {
    const ctx = createTestContext();
    expect(registry.isEnabled('view.zoomToFit', ctx)).toBe(false);
    ctx.board.create(rect('tiny', { w: 1, h: 1 }));
    registry.perform('view.zoomToFit', ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(MAX_ZOOM);
    ctx.board.create(rect('huge', { x: -1e6, w: 2e6, h: 10 }));
    registry.perform('view.zoomToFit', ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(MIN_ZOOM);
  });

  it('fits a zero-width shape by its height', () => {
    const ctx = createTestContext();
    ctx.board.create({
      ...rect('v', { x: 0, y: 0, w: 0, h: 358 }),
      style: { stroke: '#000000', fill: 'none', strokeWidth: 0.5 },
    });
    registry.perform('view.zoomToFit', ctx);
    expect(ctx.ui.getState().viewport.zoom).toBeCloseTo((800 - 2 * FIT_MARGIN_PX) / 358.5);
  });
});

describe('zoom to selection', () => {
  it('frames the selected shapes only, on Shift+2, and is disabled with nothing selected', () => {
    const ctx = createTestContext();
    ctx.board.create([rect('a', { x: 0, y: 0, w: 400, h: 200 }), rect('far', { x: 5000, y: 5000, w: 10, h: 10 })]);
    expect(registry.isEnabled('view.zoomToSelection', ctx)).toBe(false);
    ctx.ui.getState().select(['a']);
    expect(registry.handleKeyDown({ key: '@', code: 'Digit2', shiftKey: true }, ctx)?.id).toBe('view.zoomToSelection');
    const viewport = ctx.ui.getState().viewport;
    const bounds = unionBounds(ctx.board.all().filter((shape) => shape.id === 'a'))!;
    // Width is the tighter side: 1000 px less the margins over 402 board units (the stroke included).
    expect(viewport.zoom).toBeCloseTo((1000 - 2 * FIT_MARGIN_PX) / (bounds.maxX - bounds.minX));
    expect(centreOf(viewport, ctx).x).toBeCloseTo((bounds.minX + bounds.maxX) / 2);
    expect(centreOf(viewport, ctx).y).toBeCloseTo((bounds.minY + bounds.maxY) / 2);
    expect(ctx.undo.canUndo).toBe(true); // from creating the shapes, not from zooming
  });
});

describe('reset zoom and grid', () => {
  it('returns to 100 % around the centre, disabled when already there', () => {
    const ctx = createTestContext();
    expect(registry.isEnabled('view.resetZoom', ctx)).toBe(false);
    ctx.ui.getState().setViewport({ x: 50, y: 50, zoom: 2 });
    const before = centreOf(ctx.ui.getState().viewport, ctx);
    registry.handleKeyDown({ key: ')', code: 'Digit0', shiftKey: true }, ctx);
    expect(ctx.ui.getState().viewport.zoom).toBe(1);
    expect(centreOf(ctx.ui.getState().viewport, ctx)).toEqual(before);
  });

  it('toggles dark mode on this device, shown as checked, with Alt+Shift+D', () => {
    const ctx = createTestContext();
    const dark = registry.get('view.darkMode')!;
    expect(dark.checked?.(ctx)).toBe(false);
    registry.handleKeyDown({ key: 'D', code: 'KeyD', altKey: true, shiftKey: true }, ctx);
    expect(ctx.theme.getState()).toMatchObject({ theme: 'dark', chosen: 'dark' });
    expect(dark.checked?.(ctx)).toBe(true);
    registry.perform('view.darkMode', ctx);
    expect(ctx.theme.getState().theme).toBe('light');
  });

  it("toggles the grid with Ctrl/Cmd+' and shows it as checked", () => {
    const ctx = createTestContext({ isMac: true });
    const grid = registry.get('view.toggleGrid')!;
    registry.handleKeyDown({ key: "'", metaKey: true }, ctx);
    expect(ctx.ui.getState().gridVisible).toBe(true);
    expect(grid.checked?.(ctx)).toBe(true);
    registry.handleKeyDown({ key: "'", metaKey: true }, ctx);
    expect(ctx.ui.getState().gridVisible).toBe(false);
  });
});

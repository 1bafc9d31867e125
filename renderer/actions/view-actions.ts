/**
 * Viewport actions: zoom in and out around the centre of the canvas, back to
 * 100 %, zoom to fit the board or the selection, the grid and snapping to it. They change only the UI store
 * (the viewport is not shared), so nothing here touches the board or undo.
 *
 * Viewport: (x, y) is the board point at the top-left of the canvas and
 * `zoom` is screen pixels per board unit (ui-store.ts).
 */
import { clampZoom, MAX_ZOOM, MIN_ZOOM, type Viewport } from '../state/ui-store';
import type { Action, ActionContext, KeyInput, Point } from './action';
import { type Bounds, boundsCentre, unionBounds } from './bounds';
import { isForeignModDown, isModDown } from './keys';

/**
 * Zoom in and out step through these, so repeated presses land on round
 * numbers and always come back to 100 %; from an in-between zoom (a pinch)
 * the next stop in that direction is taken.
 */
export const ZOOM_STOPS = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8] as const;
/** Screen pixels left free around the board when zooming to fit. */
export const FIT_MARGIN_PX = 40;

/** Ignore differences below this, so 0.9999999 from a computed zoom counts as the 1 stop. */
const ZOOM_EPSILON = 1e-6;

export function nextZoomStop(zoom: number, direction: 'in' | 'out'): number {
  const stop =
    direction === 'in'
      ? ZOOM_STOPS.find((candidate) => candidate > zoom + ZOOM_EPSILON)
      : ZOOM_STOPS.findLast((candidate) => candidate < zoom - ZOOM_EPSILON);
  return stop ?? (direction === 'in' ? MAX_ZOOM : MIN_ZOOM);
}

function viewportCentre(ctx: ActionContext): Point {
  const { viewport } = ctx.ui.getState();
  const { width, height } = ctx.viewportSize();
  return { x: viewport.x + width / 2 / viewport.zoom, y: viewport.y + height / 2 / viewport.zoom };
}

/** The viewport at `zoom` (clamped) with the board point `centre` in the middle of the canvas. */
export function centredOn(ctx: ActionContext, centre: Point, zoom: number): Viewport {
  const clamped = clampZoom(zoom);
  const { width, height } = ctx.viewportSize();
  return { x: centre.x - width / 2 / clamped, y: centre.y - height / 2 / clamped, zoom: clamped };
}

function zoomAroundCentre(ctx: ActionContext, zoom: number): void {
  ctx.ui.getState().setViewport(centredOn(ctx, viewportCentre(ctx), zoom));
}

/** '+' or '=' (with or without Shift, whichever the layout needs), Alt up, Ctrl/Cmd as `withMod` says. */
function isPlusKey(event: KeyInput, ctx: ActionContext, withMod: boolean): boolean {
  return (
    (event.key === '+' || event.key === '=') &&
    isModDown(event, ctx.isMac) === withMod &&
    !isForeignModDown(event, ctx.isMac) &&
    !event.altKey
  );
}

const zoomIn: Action = {
  id: 'view.zoomIn',
  label: 'Zoom in',
  group: 'view',
  // Ctrl/Cmd+= first: it is the one menus show, and the browser's own zoom key, which the board takes over.
  shortcuts: [{ key: '=', mod: true }, { key: '+' }, { key: '=' }],
  // '+' is Shift+'=' on many layouts, so Shift is allowed here whichever of the two arrives.
  keyTest: (event, ctx) => isPlusKey(event, ctx, true) || isPlusKey(event, ctx, false),
  enabled: (ctx) => ctx.ui.getState().viewport.zoom < MAX_ZOOM - ZOOM_EPSILON,
  perform: (ctx) => zoomAroundCentre(ctx, nextZoomStop(ctx.ui.getState().viewport.zoom, 'in')),
};

const zoomOut: Action = {
  id: 'view.zoomOut',
  label: 'Zoom out',
  group: 'view',
  shortcuts: [{ key: '-', mod: true }, { key: '-' }],
  enabled: (ctx) => ctx.ui.getState().viewport.zoom > MIN_ZOOM + ZOOM_EPSILON,
  perform: (ctx) => zoomAroundCentre(ctx, nextZoomStop(ctx.ui.getState().viewport.zoom, 'out')),
};

/** The viewport that shows `bounds` whole, centred, with FIT_MARGIN_PX around it where the canvas has room. */
export function fittedViewport(ctx: ActionContext, bounds: Bounds): Viewport {
  const { width, height } = ctx.viewportSize();
  // A canvas too small for the margins gets none rather than a negative zoom.
  const margin = Math.min(FIT_MARGIN_PX, width / 4, height / 4);
  // A shape with no width or height (a vertical line) fits on the other axis alone; a dot ends at MAX_ZOOM.
  const zoomX = (width - 2 * margin) / Math.max(bounds.maxX - bounds.minX, ZOOM_EPSILON);
  const zoomY = (height - 2 * margin) / Math.max(bounds.maxY - bounds.minY, ZOOM_EPSILON);
  return centredOn(ctx, boundsCentre(bounds), Math.min(zoomX, zoomY));
}

function selectedShapes(ctx: ActionContext) {
  return ctx.ui.getState().selection.flatMap((id) => ctx.board.get(id) ?? []);
}

const zoomToFit: Action = {
  id: 'view.zoomToFit',
  label: 'Zoom to fit',
  group: 'view',
  shortcuts: [{ key: '1', shift: true }],
  enabled: (ctx) => ctx.board.all().length > 0,
  perform(ctx) {
    const bounds = unionBounds(ctx.board.all());
    if (bounds) ctx.ui.getState().setViewport(fittedViewport(ctx, bounds));
  },
};

const zoomToSelection: Action = {
  id: 'view.zoomToSelection',
  label: 'Zoom to selection',
  group: 'view',
  shortcuts: [{ key: '2', shift: true }],
  enabled: (ctx) => selectedShapes(ctx).length > 0,
  perform(ctx) {
    const bounds = unionBounds(selectedShapes(ctx));
    if (bounds) ctx.ui.getState().setViewport(fittedViewport(ctx, bounds));
  },
};

const resetZoom: Action = {
  id: 'view.resetZoom',
  label: 'Zoom to 100 %',
  group: 'view',
  shortcuts: [
    { key: '0', mod: true },
    { key: '0', shift: true },
  ],
  enabled: (ctx) => Math.abs(ctx.ui.getState().viewport.zoom - 1) > ZOOM_EPSILON,
  perform: (ctx) => zoomAroundCentre(ctx, 1),
};

const toggleGrid: Action = {
  id: 'view.toggleGrid',
  label: 'Show grid',
  group: 'view',
  shortcuts: [{ key: "'", mod: true }],
  checked: (ctx) => ctx.ui.getState().gridVisible,
  perform: (ctx) => ctx.ui.getState().toggleGrid(),
};

const snapToGrid: Action = {
  id: 'view.snapToGrid',
  label: 'Snap to grid',
  group: 'view',
  shortcuts: [],
  checked: (ctx) => ctx.ui.getState().snapToGrid,
  perform: (ctx) => ctx.ui.getState().toggleSnapToGrid(),
};

const darkMode: Action = {
  id: 'view.darkMode',
  label: 'Dark mode',
  group: 'view',
  shortcuts: [{ key: 'd', alt: true, shift: true }],
  checked: (ctx) => ctx.theme.getState().theme === 'dark',
  perform: (ctx) => ctx.theme.getState().toggle(),
};

export function createViewActions(): Action[] {
  return [zoomIn, zoomOut, resetZoom, zoomToFit, zoomToSelection, toggleGrid, snapToGrid, darkMode];
}

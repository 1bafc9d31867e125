/**
 * A read-only view of the open board for the end-to-end tests, installed as
 * `window.__easelTest` only when the page URL carries `?e2e=1`.
 *
 * Why it exists: the board is drawn by Konva onto a <canvas>, so a test
 * driving the real UI with a mouse cannot read back what it drew (a shape's
 * type, geometry, rotation or text) from the DOM. Reading the relay's copy
 * from outside would test sync, not the gesture, and could not see the
 * selection. So the page answers one question, "what is on the board and
 * what is selected", as plain JSON. It hands out copies and has no way to
 * change anything: tests still make every change with the mouse and keyboard.
 */
import { useEffect } from 'react';
import {
  alignOf,
  dashOf,
  groupPathOf,
  isLocked,
  isLabelledType,
  labelFontSizeOf,
  routeOf,
  type Shape,
  type ShapeOfType,
  type ShapeType,
} from '../../shared/model';
import type { BoardSession } from '../canvas/board-session';
import { type Box, pathPoints, shapeBounds } from '../shapes';
import type { ToolId, Viewport } from '../state/ui-store';
import { selectionBounds } from '../tools';

declare global {
  interface Window {
    __easelTest?: EaselTestHook;
  }
}

export const TEST_HOOK_QUERY = 'e2e';
export const TEST_HOOK_GLOBAL = '__easelTest' satisfies keyof Window;

/** One shape as a test sees it: what a person could tell from looking at it, in board units. */
export interface ShapeSummary {
  id: string;
  type: ShapeType;
  /** Fractional z-order key; `snapshot().shapes` is already sorted bottom to top. */
  index: string;
  x: number;
  y: number;
  rotation: number;
  opacity: number;
  stroke: string;
  fill: string;
  strokeWidth: number;
  /** 'solid' when the board has none stored. */
  dash: string;
  /** rect, ellipse, note, text (text has no stored height). */
  w?: number;
  h?: number;
  /** line and arrow: the last point relative to (x, y), as drawn (a bound end follows its shape). */
  end?: { x: number; y: number };
  /** line and arrow: every point relative to (x, y), as drawn. */
  points?: { x: number; y: number }[];
  /** line and arrow: the shape each end is bound to, if any. */
  startBoundTo?: string;
  endBoundTo?: string;
  /** line and arrow: 'straight' or 'elbow'. */
  route?: string;
  /** pen: how many points the stroke kept. */
  pointCount?: number;
  text?: string;
  fontSize?: number;
  /** text and note: where the lines sit ('left' when the board has none stored). */
  align?: string;
  /** image: the file's SHA-256 and its pixel size. */
  sha256?: string;
  naturalWidth?: number;
  naturalHeight?: number;
  /** rect, ellipse, line, arrow: the label, and its font size, when there is one. */
  label?: string;
  labelFontSize?: number;
  /** arrow: which ends have a head. */
  arrowheads?: { start: boolean; end: boolean };
  /** frame: its name. */
  name?: string;
  /** The frame that holds the shape, if any. */
  frameId?: string;
  /** The groups the shape is in, innermost first (an old single groupId read as one); absent for none. */
  groupIds?: string[];
  /** Present (true) when the shape is locked. */
  locked?: boolean;
  /** The axis-aligned box the canvas uses for hit tests, handles and culling. */
  bounds: Box;
}

export interface BoardSnapshot {
  shapes: ShapeSummary[];
  selection: string[];
  /** The box the selection handles sit on (tools/select/handles.ts); null when nothing is selected. */
  selectionBounds: Box | null;
  editingId: string | null;
  tool: ToolId;
  /** Board point at the canvas's top-left and screen pixels per board unit. */
  viewport: Viewport;
}

export interface EaselTestHook {
  snapshot(): BoardSnapshot;
}

export function isTestHookEnabled(search: string): boolean {
  return new URLSearchParams(search).get(TEST_HOOK_QUERY) === '1';
}

export function summariseShape(shape: Shape): ShapeSummary {
  const { id, type, index, x, y, rotation, opacity, style } = shape;
  const summary: ShapeSummary = {
    id,
    type,
    index,
    x,
    y,
    rotation,
    opacity,
    ...style,
    dash: dashOf(style),
    ...(shape.frameId === undefined ? {} : { frameId: shape.frameId }),
    ...(groupPathOf(shape).length > 0 && { groupIds: [...groupPathOf(shape)] }),
    ...(isLocked(shape) && { locked: true }),
    bounds: shapeBounds(shape),
    ...(isLabelledType(shape.type) && 'label' in shape && shape.label
      ? { label: shape.label, labelFontSize: labelFontSizeOf(shape) }
      : {}),
  };
  switch (shape.type) {
    case 'rect':
    case 'ellipse':
      return { ...summary, w: shape.w, h: shape.h };
    case 'line':
      return { ...summary, ...connectorSummary(shape) };
    case 'arrow':
      return { ...summary, ...connectorSummary(shape), arrowheads: { ...shape.arrowheads } };
    case 'pen':
      return { ...summary, pointCount: shape.points.length / 3 };
    case 'text':
      return { ...summary, w: shape.w, text: shape.text, fontSize: shape.fontSize, align: alignOf(shape) };
    case 'note':
      return { ...summary, w: shape.w, h: shape.h, text: shape.text, fontSize: shape.fontSize, align: alignOf(shape) };
    case 'image': {
      const { w, h, sha256, naturalWidth, naturalHeight } = shape;
      return { ...summary, w, h, sha256, naturalWidth, naturalHeight };
    }
    case 'frame':
      return { ...summary, w: shape.w, h: shape.h, name: shape.name };
  }
}

function connectorSummary(shape: ShapeOfType<'line'> | ShapeOfType<'arrow'>): Partial<ShapeSummary> {
  const points = pathPoints(shape.points);
  return {
    end: points[points.length - 1],
    points,
    startBoundTo: shape.startBinding?.shapeId,
    endBoundTo: shape.endBinding?.shapeId,
    route: routeOf(shape),
  };
}

export function boardSnapshot(session: Pick<BoardSession, 'board' | 'ui'>): BoardSnapshot {
  const { selection, editingId, tool, viewport } = session.ui.getState();
  const selected = selection.flatMap((id) => session.board.get(id) ?? []);
  return {
    shapes: session.board.all().map(summariseShape),
    selection: [...selection],
    selectionBounds: selectionBounds(selected),
    editingId,
    tool,
    viewport: { ...viewport },
  };
}

/** Installs the hook for this session when the URL asks for it; removes it when the board closes. */
export function useTestHook(session: BoardSession | null): void {
  useEffect(() => {
    if (!session || !isTestHookEnabled(window.location.search)) return;
    const hook: EaselTestHook = { snapshot: () => boardSnapshot(session) };
    window.__easelTest = hook;
    return () => {
      if (window.__easelTest === hook) delete window.__easelTest;
    };
  }, [session]);
}

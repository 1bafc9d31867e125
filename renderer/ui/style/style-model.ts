/**
 * What the style panel shows and what a choice in it changes, without React
 * (docs/ARCHITECTURE.md#app-and-ui). With shapes selected the panel shows the
 * selection: a row per property that at least one selected shape has, its
 * value when they all agree and MIXED when not; a choice changes the
 * selected shapes in one transact (one undo step) and leaves the defaults for
 * new shapes alone. With nothing selected it shows the defaults (the rows the
 * active tool's shapes use) and a choice changes them.
 */
import {
  dashOf,
  alignOf,
  labelAlignOf,
  labelFontSizeOf,
  routeOf,
  type ConnectorRoute,
  type DashStyle,
  type Shape,
  type TextAlign,
} from '../../../shared/model';
import type { BoardDoc, ShapePatch } from '../../doc';
import { hasLabel } from '../../shapes';
import type { StyleDefaults, ToolId, UiState } from '../../state/ui-store';

export const MIXED = 'mixed';
export type Mixed = typeof MIXED;

export interface StyleValues {
  stroke: string;
  fill: string;
  strokeWidth: number;
  dash: DashStyle;
  opacity: number;
  fontSize: number;
  align: TextAlign;
  arrowStart: boolean;
  arrowEnd: boolean;
  /** Lines and arrows: straight through their points, or elbow (orthogonal). */
  route: ConnectorRoute;
}
export type StyleKey = keyof StyleValues;
export const STYLE_KEYS: readonly StyleKey[] = [
  'stroke',
  'fill',
  'strokeWidth',
  'dash',
  'opacity',
  'fontSize',
  'align',
  'arrowStart',
  'arrowEnd',
  'route',
];

type Kind = Shape['type'];
const ALL_KINDS: readonly Kind[] = ['pen', 'rect', 'ellipse', 'line', 'arrow', 'text', 'note', 'image'];
const OUTLINED: readonly Kind[] = ['rect', 'ellipse', 'line', 'arrow'];

/** Which kinds each property means something for. A note's colour is its own; its text is always dark. */
const KINDS: { readonly [Key in StyleKey]: readonly Kind[] } = {
  stroke: ['pen', 'rect', 'ellipse', 'line', 'arrow', 'text'],
  fill: ['rect', 'ellipse', 'frame'],
  strokeWidth: ['pen', ...OUTLINED],
  dash: OUTLINED,
  opacity: ALL_KINDS,
  fontSize: ['text', 'note'],
  align: ['text', 'note'],
  arrowStart: ['arrow'],
  arrowEnd: ['arrow'],
  route: ['line', 'arrow'],
};

/** The kinds a tool draws, for the rows shown with nothing selected; select, hand and eraser show them all. */
const TOOL_KINDS: Partial<Record<ToolId, readonly Kind[]>> = {
  pen: ['pen'],
  rect: ['rect'],
  ellipse: ['ellipse'],
  line: ['line'],
  arrow: ['arrow'],
  text: ['text'],
  note: ['note'],
};

export function appliesTo(key: StyleKey, kind: Kind): boolean {
  return KINDS[key].includes(kind);
}

function valueOf(shape: Shape, key: StyleKey): StyleValues[StyleKey] | undefined {
  // A labelled shape's font size and alignment are its label's (shapes/label/layout.ts).
  if (key === 'fontSize' && hasLabel(shape)) return labelFontSizeOf(shape);
  if (key === 'align' && hasLabel(shape)) return labelAlignOf(shape);
  if (!appliesTo(key, shape.type)) return undefined;
  switch (key) {
    case 'stroke':
    case 'fill':
    case 'strokeWidth':
      return shape.style[key];
    case 'dash':
      return dashOf(shape.style);
    case 'opacity':
      return shape.opacity;
    case 'fontSize':
      return shape.type === 'text' || shape.type === 'note' ? shape.fontSize : undefined;
    case 'align':
      return shape.type === 'text' || shape.type === 'note' ? alignOf(shape) : undefined;
    case 'arrowStart':
      return shape.type === 'arrow' ? shape.arrowheads.start : undefined;
    case 'arrowEnd':
      return shape.type === 'arrow' ? shape.arrowheads.end : undefined;
    case 'route':
      return shape.type === 'line' || shape.type === 'arrow' ? routeOf(shape) : undefined;
  }
}

function defaultValue(defaults: StyleDefaults, key: StyleKey): StyleValues[StyleKey] {
  if (key === 'arrowStart') return defaults.arrowheads.start;
  if (key === 'arrowEnd') return defaults.arrowheads.end;
  if (key === 'route') return defaults.route ?? 'straight'; // defaults kept from before routes have none
  return defaults[key];
}

export type StyleRows = { [Key in StyleKey]?: StyleValues[Key] | Mixed };

export interface StylePanelModel {
  /** Whose style the panel shows and changes. */
  scope: 'selection' | 'defaults';
  /** How many shapes are selected (0 for the defaults). */
  count: number;
  /** One entry per row shown. */
  rows: StyleRows;
}

export function stylePanelModel(shapes: readonly Shape[], defaults: StyleDefaults, tool: ToolId): StylePanelModel {
  const rows: Record<string, unknown> = {};
  if (shapes.length === 0) {
    const kinds = TOOL_KINDS[tool] ?? ALL_KINDS;
    for (const key of STYLE_KEYS) {
      if (kinds.some((kind) => appliesTo(key, kind))) rows[key] = defaultValue(defaults, key);
    }
    return { scope: 'defaults', count: 0, rows: rows as StyleRows };
  }
  for (const key of STYLE_KEYS) {
    const values = shapes.flatMap((shape) => {
      const value = valueOf(shape, key);
      return value === undefined ? [] : [value];
    });
    if (values.length === 0) continue;
    rows[key] = values.every((value) => value === values[0]) ? values[0] : MIXED;
  }
  return { scope: 'selection', count: shapes.length, rows: rows as StyleRows };
}

export type StyleChange = Partial<StyleValues>;

/** The fields of `shape` the change sets (only those its kind has); null when it changes nothing. */
export function patchFor(shape: Shape, change: StyleChange): ShapePatch | null {
  const applicable = (key: StyleKey) => change[key] !== undefined && appliesTo(key, shape.type);
  const patch: Record<string, unknown> = {};
  const style = { ...shape.style };
  let styleChanged = false;
  for (const key of ['stroke', 'fill', 'strokeWidth'] as const) {
    const value = change[key];
    if (applicable(key) && value !== undefined && style[key] !== value) {
      Object.assign(style, { [key]: value });
      styleChanged = true;
    }
  }
  if (applicable('dash') && change.dash !== dashOf(shape.style)) {
    if (change.dash === 'solid') delete style.dash;
    else style.dash = change.dash;
    styleChanged = true;
  }
  if (styleChanged) patch.style = style;
  if (applicable('opacity') && change.opacity !== shape.opacity) patch.opacity = change.opacity;
  if ((shape.type === 'text' || shape.type === 'note') && applicable('fontSize') && change.fontSize !== shape.fontSize)
    patch.fontSize = change.fontSize;
  if ((shape.type === 'text' || shape.type === 'note') && applicable('align') && change.align !== alignOf(shape))
    patch.align = change.align;
  if (hasLabel(shape) && change.fontSize !== undefined && change.fontSize !== labelFontSizeOf(shape))
    patch.labelFontSize = change.fontSize;
  if (hasLabel(shape) && change.align !== undefined && change.align !== labelAlignOf(shape))
    patch.labelAlign = change.align;
  if (shape.type === 'arrow' && (applicable('arrowStart') || applicable('arrowEnd'))) {
    const arrowheads = {
      start: change.arrowStart ?? shape.arrowheads.start,
      end: change.arrowEnd ?? shape.arrowheads.end,
    };
    if (arrowheads.start !== shape.arrowheads.start || arrowheads.end !== shape.arrowheads.end)
      patch.arrowheads = arrowheads;
  }
  if ((shape.type === 'line' || shape.type === 'arrow') && applicable('route') && change.route !== routeOf(shape)) {
    // Straight again: the two ends as drawn, not the elbow's bends (they were routed, not placed).
    patch.route = change.route === 'elbow' ? 'elbow' : undefined;
    if (change.route === 'straight') patch.points = [...shape.points.slice(0, 2), ...shape.points.slice(-2)];
  }
  return Object.keys(patch).length > 0 ? (patch as ShapePatch) : null;
}

/** The defaults after a change made with nothing selected. */
export function defaultsAfter(defaults: StyleDefaults, change: StyleChange): Partial<StyleDefaults> {
  const { arrowStart, arrowEnd, ...rest } = change;
  const arrowheads =
    arrowStart === undefined && arrowEnd === undefined
      ? {}
      : { arrowheads: { start: arrowStart ?? defaults.arrowheads.start, end: arrowEnd ?? defaults.arrowheads.end } };
  return { ...rest, ...arrowheads };
}

/**
 * Applies a choice: to the selected shapes in one transact (one undo step,
 * the defaults untouched), or, with nothing selected, to the defaults.
 */
export function applyStyleChange(board: BoardDoc, ui: UiState, change: StyleChange): void {
  const shapes = ui.selection.flatMap((id) => board.get(id) ?? []);
  if (shapes.length === 0) {
    ui.setStyle(defaultsAfter(ui.style, change));
    return;
  }
  const patches = shapes.flatMap((shape) => {
    const patch = patchFor(shape, change);
    return patch ? [{ id: shape.id, patch }] : [];
  });
  if (patches.length === 0) return;
  board.transact(() => {
    for (const { id, patch } of patches) board.update(id, patch);
  });
}

/**
 * What every shape view shares: placement (rotation about (x, y), Konva's
 * pivot when there is no offset, as in shapes/frame.ts; Konva wants degrees),
 * opacity, and no Konva hit testing: the tools hit-test with shapes/ geometry.
 */
import { dashOf } from '../../../shared/model';
import type { DraftShape } from '../../shapes';
import { dashPattern } from './dash';

export { NOTE_PADDING } from '../../shapes';
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const NOTE_TEXT_COLOR = '#1e1e1e';

export function placement(shape: DraftShape, faded = false) {
  return {
    x: shape.x,
    y: shape.y,
    rotation: (shape.rotation * 180) / Math.PI,
    // Shapes the eraser has marked are drawn at a quarter of their opacity until it lets go.
    opacity: faded ? shape.opacity * 0.25 : shape.opacity,
    listening: false,
  };
}

/** Konva's dash and cap for an outline (dash.ts); dots need round caps. */
export function dashProps(style: DraftShape['style'], cap: 'butt' | 'round' = 'butt') {
  const dash = dashOf(style);
  const pattern = dashPattern(dash, style.strokeWidth);
  return { dash: pattern.length > 0 ? pattern : undefined, lineCap: dash === 'dotted' ? 'round' : cap } as const;
}

export function fillOf(fill: string): string | undefined {
  return fill === 'none' ? undefined : fill;
}

export interface ViewProps<S> {
  shape: S;
  faded?: boolean;
}

/**
 * Boxes for actions (paste placement, zoom to fit), from the same per-shape
 * geometry the tools hit-test with (renderer/shapes), so what a paste centres
 * and what zoom-to-fit frames is what the user sees selected.
 */
import type { Shape } from '../../shared/model';
import { type Box, boxCentre, measureTextBox, shapeBounds, unionBoxes } from '../shapes';

export type Bounds = Box;
export { shapeBounds };
export const boundsCentre = boxCentre;

/** The box around all the shapes; undefined when there are none. */
export function unionBounds(shapes: readonly Shape[]): Bounds | undefined {
  return unionBoxes(shapes.map(shapeBounds)) ?? undefined;
}

/** Height of unwrapped text, as the text tool lays it out. */
export function estimateTextHeight(text: string, fontSize: number): number {
  return measureTextBox({ text, fontSize }).h;
}

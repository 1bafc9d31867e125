/**
 * What an export covers: the shapes' bounds (renderer/shapes: stroke and
 * rotation included, the same boxes selection and culling use) grown by a
 * margin. The SVG and the PNG share it, so both frame the same picture.
 */
import type { Shape } from '../../shared/model';
import { type Box, expandBox, shapeBounds, unionBoxes } from '../shapes';

/** Board units of empty space around the shapes. */
export const DEFAULT_EXPORT_PADDING = 16;
export const DEFAULT_EXPORT_BACKGROUND = '#ffffff';

export interface ExportFrame {
  /** The board box the export shows. */
  view: Box;
  /** Its size in board units (CSS pixels at 100 %). */
  width: number;
  height: number;
}

/** Export of nothing: refused with a message for the user instead of writing a blank file. */
export class NothingToExportError extends Error {
  constructor(message = 'there is nothing to export: the board is empty') {
    super(message);
    this.name = 'NothingToExportError';
  }
}

/** `fixed` is the box to show instead (one frame's export: the frame, no padding). */
export function exportFrame(shapes: readonly Shape[], padding = DEFAULT_EXPORT_PADDING, fixed?: Box): ExportFrame {
  const bounds = unionBoxes(shapes.map(shapeBounds));
  if (!bounds) throw new NothingToExportError();
  const view = fixed ?? expandBox(bounds, padding);
  return { view, width: view.maxX - view.minX, height: view.maxY - view.minY };
}

/** A label's font follows its shape through a resize (as text's font does), within the board's limits. */
import { labelFontSizeOf, MAX_FONT_SIZE, MIN_FONT_SIZE } from '../../../shared/model';
import { clamp } from '../math';

/** The patch that scales the label's font by `factor`; nothing when there is no label or nothing changes. */
export function scaledLabelFont(
  shape: { label?: string; labelFontSize?: number },
  factor: number,
): { labelFontSize?: number } {
  if (!shape.label || !Number.isFinite(factor) || factor <= 0 || factor === 1) return {};
  return { labelFontSize: clamp(labelFontSizeOf(shape) * factor, MIN_FONT_SIZE, MAX_FONT_SIZE) };
}

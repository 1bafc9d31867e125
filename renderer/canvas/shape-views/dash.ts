/**
 * The dash patterns of an outline, in board units and in proportion to the
 * stroke width, so a thick dashed line looks like a thin one scaled up. The
 * painter, the Konva previews and the SVG export all use these. A dot is a
 * zero-length dash drawn with round caps.
 */
import type { DashStyle } from '../../../shared/model';

export function dashPattern(dash: DashStyle, strokeWidth: number): number[] {
  switch (dash) {
    case 'solid':
      return [];
    case 'dashed':
      return [strokeWidth * 4 + 4, strokeWidth * 2 + 4];
    case 'dotted':
      return [0, strokeWidth * 2 + 3];
  }
}

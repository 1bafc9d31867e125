/**
 * What a click and a marquee select, given groups and locks (group-selection.ts),
 * looked up through the board's spatial index where it can be: the whole board is
 * read only when a picked shape is in a group, whose members may be anywhere.
 */
import type { Shape } from '../../../shared/model';
import { type Box, shapeIntersectsRect } from '../../shapes';
import type { ToolContext } from '../tool';
import { expandToUnits, pickable, unitGroupOf, unitSelection } from './group-selection';

/** The ids a click on `shape` selects: its group at this level (`focusedGroup` entered), or itself. */
export function clickSelection(ctx: ToolContext, shape: Shape, focusedGroup: string | null): string[] {
  if (unitGroupOf(shape, focusedGroup) === null) return [shape.id];
  return unitSelection(pickable(ctx.board.all()), shape, focusedGroup);
}

/** The ids a marquee over `box` selects: the unlocked shapes it touches, grown to whole groups. */
export function marqueeSelection(ctx: ToolContext, box: Box): string[] {
  const touched = pickable(ctx.shapes.query(box)).filter((shape) => shapeIntersectsRect(shape, box));
  const ids = touched.map((shape) => shape.id);
  if (!touched.some((shape) => unitGroupOf(shape, null) !== null)) return ids;
  return expandToUnits(pickable(ctx.board.all()), ids, null);
}

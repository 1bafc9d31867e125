/**
 * The static canvas (DESIGN §6.7): every shape on the board, in z-order,
 * culled to what the screen shows. It re-renders only when the doc changes
 * (a new `shapes` array), the view moves, or the set of shapes a gesture
 * hides or fades changes, never on each pointer move of a gesture.
 */
import { memo } from 'react';
import { Layer } from 'react-konva';
import type { Shape } from '../../shared/model';
import { type Box, shapeBounds } from '../shapes';
import { ShapeView } from './shape-views/ShapeView';
import { boxesIntersect } from './viewport-math';

export interface StaticLayerProps {
  shapes: readonly Shape[];
  /** The visible board box, grown a little so strokes at the edge are not clipped mid-pan. */
  view: Box;
  /** Shapes a transform preview is drawing instead (comma-joined ids, so the memo compares strings). */
  hiddenKey: string;
  /** Shapes the eraser has marked. */
  fadedKey: string;
}

export const StaticLayer = memo(function StaticLayer({ shapes, view, hiddenKey, fadedKey }: StaticLayerProps) {
  const hidden = new Set(hiddenKey ? hiddenKey.split(',') : []);
  const faded = new Set(fadedKey ? fadedKey.split(',') : []);
  return (
    <Layer listening={false}>
      {shapes.map((shape) =>
        hidden.has(shape.id) || !boxesIntersect(shapeBounds(shape), view) ? null : (
          <ShapeView key={shape.id} shape={shape} faded={faded.has(shape.id)} />
        ),
      )}
    </Layer>
  );
});

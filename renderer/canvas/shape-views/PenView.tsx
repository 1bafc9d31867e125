import { Shape } from 'react-konva';
import { type DraftOf, penOutline } from '../../shapes';
import { placement, type ViewProps } from './common';
import { tracePenOutline } from './pen-outline';
import { useCanvasColours } from './colours-context';

/** Freehand stroke: its perfect-freehand outline, filled in the stroke colour (a lone point is a round dot). */
export function PenView({ shape, faded }: ViewProps<DraftOf<'pen'>>) {
  const outline = penOutline(shape.points, shape.style.strokeWidth);
  const colours = useCanvasColours();
  return (
    <Shape
      {...placement(shape, faded)}
      fill={colours(shape.style.stroke)}
      perfectDrawEnabled={false}
      sceneFunc={(context, node) => {
        context.beginPath();
        tracePenOutline(context, outline);
        context.fillShape(node);
      }}
    />
  );
}

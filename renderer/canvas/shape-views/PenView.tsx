import { Circle, Line } from 'react-konva';
import { type DraftOf, penWidthAt } from '../../shapes';
import { placement, type ViewProps } from './common';
import { penOutline } from './pen-outline';

/** Freehand stroke: a filled outline whose width follows the pressure; a lone point is a dot. */
export function PenView({ shape, faded }: ViewProps<DraftOf<'pen'>>) {
  const outline = penOutline(shape.points, shape.style.strokeWidth);
  if (outline.length === 0) {
    const radius = penWidthAt(shape.style.strokeWidth, shape.points[2] ?? 0.5) / 2;
    return (
      <Circle
        {...placement(shape, faded)}
        x={shape.x + (shape.points[0] ?? 0)}
        y={shape.y + (shape.points[1] ?? 0)}
        radius={radius}
        fill={shape.style.stroke}
      />
    );
  }
  return (
    <Line
      {...placement(shape, faded)}
      points={outline}
      closed
      tension={0.4}
      fill={shape.style.stroke}
      perfectDrawEnabled={false}
    />
  );
}

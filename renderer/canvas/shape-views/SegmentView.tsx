import { Group, Line } from 'react-konva';
import { arrowheadWings, type DraftOf, type Point } from '../../shapes';
import { dashProps, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/**
 * Line and arrow. Arrowheads are two wings from `arrowheadWings`, the same
 * points the arrow's bounds use, rather than Konva's Arrow pointer (whose
 * size rules differ), so what is drawn is what is selected.
 */
export function SegmentView({ shape, faded }: ViewProps<DraftOf<'line'> | DraftOf<'arrow'>>) {
  const [x1, y1, x2, y2] = shape.points;
  const start: Point = { x: x1, y: y1 };
  const end: Point = { x: x2, y: y2 };
  const colours = useCanvasColours();
  const stroke = {
    stroke: colours(shape.style.stroke),
    strokeWidth: shape.style.strokeWidth,
    lineCap: 'round',
    lineJoin: 'round',
  } as const;
  const body = { ...stroke, ...dashProps(shape.style, 'round') };
  const head = (tip: Point, tail: Point) => {
    const [a, b] = arrowheadWings(tip, tail, shape.style.strokeWidth);
    return <Line points={[a.x, a.y, tip.x, tip.y, b.x, b.y]} {...stroke} />;
  };
  return (
    <Group {...placement(shape, faded)}>
      <Line points={[x1, y1, x2, y2]} {...body} />
      {shape.type === 'arrow' && shape.arrowheads.start && head(start, end)}
      {shape.type === 'arrow' && shape.arrowheads.end && head(end, start)}
    </Group>
  );
}

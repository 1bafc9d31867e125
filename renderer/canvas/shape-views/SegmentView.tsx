import { Group, Line } from 'react-konva';
import { arrowheadsOf, arrowheadWings, type DraftOf, pathPoints, type Point, segmentRuns } from '../../shapes';
import { dashProps, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/**
 * Line and arrow. Arrowheads are two wings from `arrowheadWings`, the same
 * points the arrow's bounds use, rather than Konva's Arrow pointer (whose
 * size rules differ), so what is drawn is what is selected. The label is
 * LabelView's.
 */
export function SegmentView({ shape, faded }: ViewProps<DraftOf<'line'> | DraftOf<'arrow'>>) {
  const heads = shape.type === 'arrow' ? arrowheadsOf(shape, pathPoints(shape.points)) : [];
  const colours = useCanvasColours();
  const stroke = {
    stroke: colours(shape.style.stroke),
    strokeWidth: shape.style.strokeWidth,
    lineCap: 'round',
    lineJoin: 'round',
  } as const;
  const body = { ...stroke, ...dashProps(shape.style, 'round') };
  const head = (tip: Point, tail: Point, key: number) => {
    const [a, b] = arrowheadWings(tip, tail, shape.style.strokeWidth);
    return <Line key={key} points={[a.x, a.y, tip.x, tip.y, b.x, b.y]} {...stroke} />;
  };
  return (
    <Group {...placement(shape, faded)}>
      {segmentRuns(shape).map((run, i) => (
        // With a label, the path leaves a gap around it (shapes/label/gap.ts).
        <Line key={i} points={run.flatMap((p) => [p.x, p.y])} {...body} />
      ))}
      {heads.map(([tip, tail], i) => head(tip, tail, i))}
    </Group>
  );
}

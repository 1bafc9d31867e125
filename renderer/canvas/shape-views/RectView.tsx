import { Rect } from 'react-konva';
import type { DraftOf } from '../../shapes';
import { dashProps, fillOf, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

export function RectView({ shape, faded }: ViewProps<DraftOf<'rect'>>) {
  const colours = useCanvasColours();
  return (
    <Rect
      {...placement(shape, faded)}
      width={shape.w}
      height={shape.h}
      stroke={colours(shape.style.stroke)}
      strokeWidth={shape.style.strokeWidth}
      {...dashProps(shape.style)}
      fill={fillOf(colours(shape.style.fill))}
      perfectDrawEnabled={false}
    />
  );
}

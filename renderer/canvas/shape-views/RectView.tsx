import { Rect } from 'react-konva';
import type { DraftOf } from '../../shapes';
import { dashProps, fillOf, placement, type ViewProps } from './common';

export function RectView({ shape, faded }: ViewProps<DraftOf<'rect'>>) {
  return (
    <Rect
      {...placement(shape, faded)}
      width={shape.w}
      height={shape.h}
      stroke={shape.style.stroke}
      strokeWidth={shape.style.strokeWidth}
      {...dashProps(shape.style)}
      fill={fillOf(shape.style.fill)}
      perfectDrawEnabled={false}
    />
  );
}

import { Group, Rect, Text } from 'react-konva';
import { FRAME_NAME_FONT_SIZE, frameNameBox, frameTitle, type DraftOf } from '../../shapes';
import { FRAME_NAME_COLOUR } from '../paint/paint-frame';
import { fillOf, FONT_FAMILY, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/** A frame while it is drawn, moved or resized: the painter's look (paint/paint-frame.ts) in Konva. */
export function FrameView({ shape, faded }: ViewProps<DraftOf<'frame'>>) {
  const colours = useCanvasColours();
  const name = frameNameBox(shape);
  return (
    <Group {...placement(shape, faded)}>
      <Rect
        width={shape.w}
        height={shape.h}
        stroke={colours(shape.style.stroke)}
        strokeWidth={Math.min(shape.style.strokeWidth, 2)}
        fill={fillOf(colours(shape.style.fill))}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        x={0}
        y={name.minY}
        width={name.maxX - name.minX}
        text={frameTitle(shape)}
        fontSize={FRAME_NAME_FONT_SIZE}
        fontFamily={FONT_FAMILY}
        fill={colours(FRAME_NAME_COLOUR)}
        wrap="none"
        ellipsis
        listening={false}
      />
    </Group>
  );
}

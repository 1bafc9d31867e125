import { Text } from 'react-konva';
import { labelLayout, type LabelledShape, LINE_HEIGHT_EM } from '../../shapes';
import { FONT_FAMILY, placement } from './common';
import { useCanvasColours } from './colours-context';

/**
 * A shape's label in its stroke colour, laid out by shapes/label/layout.ts
 * (wrapped there, so Konva does not wrap again). The offset moves the text
 * to its box inside the shape's frame without moving the pivot, so it turns
 * with the shape.
 */
export function LabelView({ shape, faded }: { shape: LabelledShape; faded?: boolean }) {
  const colours = useCanvasColours();
  const layout = labelLayout(shape);
  if (!layout) return null;
  return (
    <Text
      {...placement(shape, faded)}
      offsetX={-layout.x}
      offsetY={-layout.y}
      text={layout.lines.join('\n')}
      fontSize={layout.fontSize}
      fontFamily={FONT_FAMILY}
      lineHeight={LINE_HEIGHT_EM}
      fill={colours(shape.style.stroke)}
      wrap="none"
      width={layout.w}
      align={layout.align}
      perfectDrawEnabled={false}
    />
  );
}

import { Text } from 'react-konva';
import { alignOf } from '../../../shared/model';
import { type DraftOf, LINE_HEIGHT_EM } from '../../shapes';
import { FONT_FAMILY, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/** Text in its stroke colour; no wrapping (text shapes break lines only where the text does). */
export function TextView({ shape, faded }: ViewProps<DraftOf<'text'>>) {
  const colours = useCanvasColours();
  return (
    <Text
      {...placement(shape, faded)}
      text={shape.text}
      fontSize={shape.fontSize}
      fontFamily={FONT_FAMILY}
      lineHeight={LINE_HEIGHT_EM}
      fill={colours(shape.style.stroke)}
      wrap="none"
      width={shape.w}
      align={alignOf(shape)}
      perfectDrawEnabled={false}
    />
  );
}

import { Group, Rect, Text } from 'react-konva';
import { alignOf } from '../../../shared/model';
import { type DraftOf, LINE_HEIGHT_EM, visibleNoteLines } from '../../shapes';
import { FONT_FAMILY, NOTE_PADDING, NOTE_TEXT_COLOR, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/**
 * Sticky note: a card in its colour with its text laid out by
 * shapes/note/layout.ts (wrapped there, so Konva does not wrap again and the
 * lines are the ones the note's height was grown for).
 */
export function NoteView({ shape, faded }: ViewProps<DraftOf<'note'>>) {
  const colours = useCanvasColours();
  return (
    <Group {...placement(shape, faded)} clipX={0} clipY={0} clipWidth={shape.w} clipHeight={shape.h}>
      <Rect width={shape.w} height={shape.h} fill={colours(shape.color)} shadowBlur={0} perfectDrawEnabled={false} />
      <Text
        x={NOTE_PADDING}
        y={NOTE_PADDING}
        text={visibleNoteLines(shape).join('\n')}
        fontSize={shape.fontSize}
        fontFamily={FONT_FAMILY}
        lineHeight={LINE_HEIGHT_EM}
        fill={colours(NOTE_TEXT_COLOR)}
        wrap="none"
        width={Math.max(0, shape.w - NOTE_PADDING * 2)}
        align={alignOf(shape)}
        perfectDrawEnabled={false}
      />
    </Group>
  );
}

/**
 * One view per shape kind (docs/ARCHITECTURE.md#tools-and-shapes), picked by `type`. Memoised on the
 * shape object: BoardDoc hands out frozen shapes, so an unchanged shape keeps
 * its identity and its node is not redrawn by React.
 */
import { memo } from 'react';
import type { DraftShape } from '../../shapes';
import { EllipseView } from './EllipseView';
import { ImageView } from './ImageView';
import { FrameView } from './FrameView';
import { LabelView } from './LabelView';
import { NoteView } from './NoteView';
import { PenView } from './PenView';
import { RectView } from './RectView';
import { SegmentView } from './SegmentView';
import { TextView } from './TextView';

export const ShapeView = memo(function ShapeView({ shape, faded }: { shape: DraftShape; faded?: boolean }) {
  switch (shape.type) {
    case 'pen':
      return <PenView shape={shape} faded={faded} />;
    case 'rect':
      return (
        <>
          <RectView shape={shape} faded={faded} />
          <LabelView shape={shape} faded={faded} />
        </>
      );
    case 'ellipse':
      return (
        <>
          <EllipseView shape={shape} faded={faded} />
          <LabelView shape={shape} faded={faded} />
        </>
      );
    case 'line':
    case 'arrow':
      return (
        <>
          <SegmentView shape={shape} faded={faded} />
          <LabelView shape={shape} faded={faded} />
        </>
      );
    case 'text':
      return <TextView shape={shape} faded={faded} />;
    case 'note':
      return <NoteView shape={shape} faded={faded} />;
    case 'image':
      return <ImageView shape={shape} faded={faded} />;
    case 'frame':
      return <FrameView shape={shape} faded={faded} />;
  }
});

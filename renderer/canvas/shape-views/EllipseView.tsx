import { Ellipse } from 'react-konva';
import type { DraftOf } from '../../shapes';
import { dashProps, fillOf, placement, type ViewProps } from './common';
import { useCanvasColours } from './colours-context';

/**
 * (x, y) is the top-left of the ellipse's box but Konva centres an Ellipse on
 * its x/y: the offset moves the drawing, not the pivot, so it still turns about (x, y).
 */
export function EllipseView({ shape, faded }: ViewProps<DraftOf<'ellipse'>>) {
  const colours = useCanvasColours();
  return (
    <Ellipse
      {...placement(shape, faded)}
      radiusX={shape.w / 2}
      radiusY={shape.h / 2}
      offsetX={-shape.w / 2}
      offsetY={-shape.h / 2}
      stroke={colours(shape.style.stroke)}
      strokeWidth={shape.style.strokeWidth}
      {...dashProps(shape.style)}
      fill={fillOf(colours(shape.style.fill))}
      perfectDrawEnabled={false}
    />
  );
}

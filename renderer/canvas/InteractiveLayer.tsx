/**
 * The interactive canvas (docs/ARCHITECTURE.md#canvas): what the active gesture looks like
 * (the tools' preview) and the selection with its handles. Redrawn on every
 * tool event; the static layer under it is not.
 */
import type { ReactNode } from 'react';
import { Circle, Layer, Line, Rect } from 'react-konva';
import type { Shape } from '../../shared/model';
import { type Box, shapeBounds } from '../shapes';
import { type Preview, selectionBounds, selectionHandles } from '../tools';
import { ShapeView } from './shape-views/ShapeView';

const ACCENT = '#2f80ed';
/** Screen sizes, divided by the zoom so they look the same at any zoom. */
const HANDLE_SIZE_PX = 8;
const OUTLINE_PX = 1;
const ERASER_TRAIL_PX = 6;

export interface InteractiveLayerProps {
  preview: Preview | null;
  /** Selected shapes as the doc has them (ignored while a transform preview draws them live). */
  selected: readonly Shape[];
  zoom: number;
  /** Hide the handles while the inline editor is open: they would sit over the caret. */
  showHandles: boolean;
  /** Drawn under my own gesture and selection: other people's (PresenceLayer). One layer, one canvas fewer to clear and composite per frame. */
  children?: ReactNode;
}

function BoxOutline({ box, zoom, dash }: { box: Box; zoom: number; dash?: boolean }) {
  return (
    <Rect
      x={box.minX}
      y={box.minY}
      width={box.maxX - box.minX}
      height={box.maxY - box.minY}
      stroke={ACCENT}
      strokeWidth={OUTLINE_PX / zoom}
      dash={dash ? [4 / zoom, 4 / zoom] : undefined}
      fill={dash ? 'rgba(47, 128, 237, 0.08)' : undefined}
    />
  );
}

function Selection({ shapes, zoom, showHandles }: { shapes: readonly Shape[]; zoom: number; showHandles: boolean }) {
  const bounds = selectionBounds(shapes);
  if (!bounds) return null;
  const size = HANDLE_SIZE_PX / zoom;
  const handles = selectionHandles(bounds, zoom);
  const rotate = handles.find((h) => h.handle === 'rotate');
  return (
    <>
      {shapes.length > 1 && shapes.map((shape) => <BoxOutline key={shape.id} box={shapeBounds(shape)} zoom={zoom} />)}
      <BoxOutline box={bounds} zoom={zoom} />
      {showHandles && rotate && (
        <Line
          points={[rotate.point.x, rotate.point.y, rotate.point.x, bounds.minY]}
          stroke={ACCENT}
          strokeWidth={OUTLINE_PX / zoom}
        />
      )}
      {showHandles &&
        handles.map(({ handle, point }) =>
          handle === 'rotate' ? (
            <Circle
              key={handle}
              x={point.x}
              y={point.y}
              radius={size / 2}
              fill="#fff"
              stroke={ACCENT}
              strokeWidth={OUTLINE_PX / zoom}
            />
          ) : (
            <Rect
              key={handle}
              x={point.x - size / 2}
              y={point.y - size / 2}
              width={size}
              height={size}
              fill="#fff"
              stroke={ACCENT}
              strokeWidth={OUTLINE_PX / zoom}
            />
          ),
        )}
    </>
  );
}

export function InteractiveLayer({ preview, selected, zoom, showHandles, children }: InteractiveLayerProps) {
  const transforming = preview?.kind === 'transform' ? preview.shapes : null;
  return (
    <Layer listening={false}>
      {children}
      {transforming?.map((shape) => (
        <ShapeView key={shape.id} shape={shape} />
      ))}
      {preview?.kind === 'draft' && <ShapeView shape={preview.shape} />}
      {preview?.kind === 'marquee' && <BoxOutline box={preview.box} zoom={zoom} dash />}
      {preview?.kind === 'erase' && preview.trail.length > 1 && (
        <Line
          points={preview.trail.flatMap((p) => [p.x, p.y])}
          stroke="rgba(120, 120, 120, 0.4)"
          strokeWidth={ERASER_TRAIL_PX / zoom}
          lineCap="round"
          lineJoin="round"
        />
      )}
      <Selection
        shapes={transforming ?? selected}
        zoom={zoom}
        showHandles={showHandles && preview?.kind !== 'marquee'}
      />
    </Layer>
  );
}

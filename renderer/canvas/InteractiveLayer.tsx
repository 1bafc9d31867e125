/**
 * The interactive canvas (docs/ARCHITECTURE.md#canvas): what the active gesture looks like
 * (the tools' preview) and the selection with its handles. Redrawn on every
 * tool event; the static layer under it is not.
 */
import type { ReactNode } from 'react';
import { Circle, Layer, Line, Rect } from 'react-konva';
import type { Shape } from '../../shared/model';
import type { Box, DraftShape } from '../shapes';
import { type Preview, selectionBounds, selectionHandles } from '../tools';
import { selectionUnits } from '../tools/select/group-selection';
import type { SnapGuide } from '../tools/select/snapping';
import { BindHighlight, ConnectorPointHandles } from './ConnectorOverlays';
import { ShapeView } from './shape-views/ShapeView';

const ACCENT = '#2f80ed';
/** Snap guides: a warm red that reads on light and dark boards, as Excalidraw's and tldraw's do. */
const GUIDE_COLOUR = '#e5484d';
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
  /** The group a double-click entered (its members are picked one by one), if any. */
  focusedGroup: string | null;
  /** The entered group's box, outlined dashed so it is clear where clicks stay. */
  focusedBox: Box | null;
  /** The shape a connector end being drawn or dragged would bind to: outlined. */
  bindTarget?: Shape;
  /** The shape whose label the inline editor covers, drawn here without it (the static layer hides it). */
  unlabelled?: DraftShape | null;
  /** Drawn under my own gesture and selection: other people's (PresenceLayer). One layer, one canvas fewer to clear and composite per frame. */
  children?: ReactNode;
}

/** `dash`: the marquee (dashed and tinted); `hollow` keeps a dashed box untinted (the group entered). */
function BoxOutline({ box, zoom, dash, hollow }: { box: Box; zoom: number; dash?: boolean; hollow?: boolean }) {
  return (
    <Rect
      x={box.minX}
      y={box.minY}
      width={box.maxX - box.minX}
      height={box.maxY - box.minY}
      stroke={ACCENT}
      strokeWidth={OUTLINE_PX / zoom}
      dash={dash ? [4 / zoom, 4 / zoom] : undefined}
      fill={dash && !hollow ? 'rgba(47, 128, 237, 0.08)' : undefined}
    />
  );
}

interface SelectionProps {
  shapes: readonly Shape[];
  focusedGroup: string | null;
  zoom: number;
  showHandles: boolean;
}

/** One outline per selected group or lone shape (when there are several), the selection's box and its handles. */
function Selection({ shapes, focusedGroup, zoom, showHandles }: SelectionProps) {
  const bounds = selectionBounds(shapes);
  if (!bounds) return null;
  const units = selectionUnits(shapes, focusedGroup);
  const size = HANDLE_SIZE_PX / zoom;
  const handles = selectionHandles(bounds, zoom);
  const rotate = handles.find((h) => h.handle === 'rotate');
  return (
    <>
      {units.length > 1 &&
        units.map((unit) => {
          const box = selectionBounds(unit.shapes);
          return box && <BoxOutline key={unit.shapes[0]?.id} box={box} zoom={zoom} />;
        })}
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

/** The lines a move or resize snapped to, across the whole span they join. */
function Guides({ guides, zoom }: { guides: readonly SnapGuide[]; zoom: number }) {
  return guides.map((guide) => (
    <Line
      key={`${guide.axis}:${guide.at}`}
      points={
        guide.axis === 'x' ? [guide.at, guide.from, guide.at, guide.to] : [guide.from, guide.at, guide.to, guide.at]
      }
      stroke={GUIDE_COLOUR}
      strokeWidth={OUTLINE_PX / zoom}
    />
  ));
}

export function InteractiveLayer(props: InteractiveLayerProps) {
  const { preview, selected, zoom, showHandles, focusedGroup, focusedBox, bindTarget, unlabelled, children } = props;
  const transforming = preview?.kind === 'transform' ? preview.shapes : null;
  const followers = preview?.kind === 'transform' ? (preview.followers ?? []) : [];
  return (
    <Layer listening={false}>
      {unlabelled && <ShapeView shape={unlabelled} />}
      {children}
      {focusedBox && <BoxOutline box={focusedBox} zoom={zoom} dash hollow />}
      {bindTarget && <BindHighlight shape={bindTarget} zoom={zoom} />}
      {[...followers, ...(transforming ?? [])].map((shape) => (
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
      {preview?.kind === 'transform' && preview.guides && <Guides guides={preview.guides} zoom={zoom} />}
      <Selection
        shapes={transforming ?? selected}
        focusedGroup={focusedGroup}
        zoom={zoom}
        showHandles={showHandles && preview?.kind !== 'marquee'}
      />
      {showHandles && <ConnectorPointHandles selected={transforming ?? selected} zoom={zoom} />}
    </Layer>
  );
}

/**
 * Frames in the SVG export, drawn as the canvas draws them
 * (canvas/paint/paint-frame.ts): the box, the name above it, and a clip path
 * per frame that its members are drawn inside.
 */
import type { Shape, ShapeOfType } from '../../shared/model';
import { FRAME_NAME_COLOUR } from '../canvas/paint/paint-frame';
import { FONT_FAMILY } from '../canvas/shape-views/common';
import { clippingFrame } from '../frames/frame-order';
import { type DraftOf, FRAME_NAME_FONT_SIZE, FRAME_NAME_GAP, frameTitle } from '../shapes';
import { placed } from './svg';
import { attrs, escapeXml } from './xml';

type Frame = ShapeOfType<'frame'>;

function clipId(frame: { id: string }): string {
  return `easel-frame-${frame.id}`; // ids are [A-Za-z0-9_-]: safe in an XML id and in url()
}

export function frameElement(shape: Frame): string {
  const box = `<rect${attrs({
    width: shape.w,
    height: shape.h,
    fill: shape.style.fill,
    stroke: shape.style.stroke,
    'stroke-width': Math.min(shape.style.strokeWidth, 2),
  })}/>`;
  const name = `<text${attrs({
    y: -FRAME_NAME_GAP,
    'font-family': FONT_FAMILY,
    'font-size': FRAME_NAME_FONT_SIZE,
    fill: FRAME_NAME_COLOUR,
    'xml:space': 'preserve',
  })}>${escapeXml(frameTitle(shape))}</text>`;
  return `<g${attrs(placed(shape))}>${box}${name}</g>`;
}

/** One `<clipPath>` per frame, in `<defs>`; nothing when there are no frames. */
export function frameClipPaths(shapes: readonly Shape[]): string[] {
  const frames = shapes.filter((shape): shape is Frame => shape.type === 'frame');
  if (frames.length === 0) return [];
  const paths = frames.map((frame) => {
    const rect = `<rect${attrs({ transform: placed(frame).transform, width: frame.w, height: frame.h })}/>`;
    return `<clipPath${attrs({ id: clipId(frame), clipPathUnits: 'userSpaceOnUse' })}>${rect}</clipPath>`;
  });
  return [`<defs>${paths.join('')}</defs>`];
}

/** A member's element inside a group clipped to its frame (the element's own transform would move a clip set on it). */
export function clippedToFrame(shape: Shape, frames: ReadonlyMap<string, DraftOf<'frame'>>, element: string): string {
  const frame = clippingFrame(shape, frames);
  return frame ? `<g${attrs({ 'clip-path': `url(#${clipId(frame)})` })}>${element}</g>` : element;
}

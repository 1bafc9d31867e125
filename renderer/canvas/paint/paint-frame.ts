/**
 * A frame as the 2D canvas draws it: its box (filled when it has a fill) with
 * a thin outline, its name above the top-left corner, and the clip its
 * members are painted inside (docs/ARCHITECTURE.md#canvas).
 */
import { FRAME_NAME_FONT_SIZE, FRAME_NAME_GAP, frameNameBox, frameTitle, type DraftOf } from '../../shapes';
import type { ColourMap } from '../../theme/canvas-colours';
import { FONT_FAMILY } from '../shape-views/common';
import type { Matrix, PaintContext } from './paint-context';

/** The colour of a frame's name: a quiet grey, as Excalidraw and tldraw write it. */
export const FRAME_NAME_COLOUR = '#6b6b6b';

/** Paints the frame in its own coordinates (the caller has placed the context at its x, y, rotation). */
export function paintFrame(ctx: PaintContext<unknown>, shape: DraftOf<'frame'>, colours: ColourMap): void {
  ctx.beginPath();
  ctx.rect(0, 0, shape.w, shape.h);
  if (shape.style.fill !== 'none') {
    ctx.fillStyle = colours(shape.style.fill);
    ctx.fill();
  }
  ctx.strokeStyle = colours(shape.style.stroke);
  ctx.lineWidth = Math.min(shape.style.strokeWidth, 2);
  ctx.setLineDash([]);
  ctx.lineJoin = 'miter';
  ctx.stroke();
  const box = frameNameBox(shape);
  ctx.font = `${FRAME_NAME_FONT_SIZE}px ${FONT_FAMILY}`;
  ctx.fillStyle = colours(FRAME_NAME_COLOUR);
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(fitName(frameTitle(shape), box.maxX - box.minX), 0, -FRAME_NAME_GAP);
}

/** The name cut with an ellipsis to about the width given (the estimate the geometry uses). */
function fitName(name: string, width: number): string {
  const chars = Math.max(1, Math.floor(width / (FRAME_NAME_FONT_SIZE * 0.55)));
  return name.length <= chars ? name : `${name.slice(0, Math.max(1, chars - 1))}…`;
}

/**
 * Clips what is painted next to the frame's box, under `base` (board units to
 * device pixels). The caller saves before and restores after.
 */
export function clipToFrame(ctx: PaintContext<unknown>, base: Matrix, frame: DraftOf<'frame'>): void {
  const cos = Math.cos(frame.rotation);
  const sin = Math.sin(frame.rotation);
  const m = base;
  ctx.setTransform(
    m.a * cos + m.c * sin,
    m.b * cos + m.d * sin,
    m.c * cos - m.a * sin,
    m.d * cos - m.b * sin,
    m.a * frame.x + m.c * frame.y + m.e,
    m.b * frame.x + m.d * frame.y + m.f,
  );
  ctx.beginPath();
  ctx.rect(0, 0, frame.w, frame.h);
  ctx.clip();
}

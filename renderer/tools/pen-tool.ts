/**
 * Pen: idle → drawing → idle, and the pen stays active for the next stroke
 * (Excalidraw, tldraw: you draw several strokes in a row).
 *
 * Points are collected relative to the first one (the stroke's origin); a
 * point under PEN_MIN_STEP_PX from the last kept one is skipped. A pen
 * records its pressure; a mouse or touch records NO_PRESSURE (0.5, the
 * Pointer Events value for hardware without pressure), and the outline then
 * simulates pressure from the speed (shapes/pen/outline.ts). Nothing is
 * written while drawing: the preview carries the stroke. On up, exactly the
 * previewed points become one pen shape, so the stroke does not change when
 * it lands: perfect-freehand does the smoothing when it outlines them.
 */
import { MAX_PEN_POINTS, PEN_POINT_STRIDE, type PenShape } from '../../shared/model';
import { clampCoordinate, NO_PRESSURE, type DraftOf } from '../shapes';
import { BaseTool } from './base-tool';
import { PEN_MIN_STEP_PX } from './constants';
import type { PointerInput, Preview } from './tool';

interface Drawing {
  kind: 'drawing';
  id: string;
  originX: number;
  originY: number;
  /** Flat [x, y, pressure, …] relative to the origin. */
  points: number[];
  /** Screen position of the last kept point, for the minimum step. */
  lastScreen: { x: number; y: number };
}

export class PenTool extends BaseTool {
  readonly id = 'pen';
  private gesture: Drawing | null = null;
  /** Built on demand and kept until the stroke changes: the view may ask every frame. */
  private cachedPreview: Preview | null = null;

  get state(): 'idle' | 'drawing' {
    return this.gesture?.kind ?? 'idle';
  }

  protected override onPointerDown(e: PointerInput): void {
    if (this.gesture || e.button !== 0) return;
    this.gesture = {
      kind: 'drawing',
      id: this.ctx.board.newId(),
      originX: clampCoordinate(e.x),
      originY: clampCoordinate(e.y),
      points: [],
      lastScreen: { x: e.screenX, y: e.screenY },
    };
    this.addPoint(e, true);
  }

  protected override onPointerMove(e: PointerInput): void {
    if (this.gesture) this.addPoint(e, false);
  }

  protected override onPointerUp(e: PointerInput): void {
    const gesture = this.gesture;
    if (!gesture) return;
    this.addPoint(e, false);
    this.reset();
    this.ctx.board.create(this.inFrame(this.shapeOf(gesture, gesture.points)));
  }

  cancel(): void {
    this.reset();
  }

  override preview(): Preview | null {
    if (!this.gesture) return null;
    this.cachedPreview ??= {
      kind: 'draft',
      tool: 'pen',
      shape: this.shapeOf(this.gesture, this.gesture.points.slice()),
    };
    return this.cachedPreview;
  }

  private addPoint(e: PointerInput, first: boolean): void {
    const gesture = this.gesture;
    if (!gesture) return;
    const step = Math.hypot(e.screenX - gesture.lastScreen.x, e.screenY - gesture.lastScreen.y);
    if (!first && step < PEN_MIN_STEP_PX) return;
    gesture.lastScreen = { x: e.screenX, y: e.screenY };
    gesture.points.push(
      clampCoordinate(e.x - gesture.originX),
      clampCoordinate(e.y - gesture.originY),
      e.pointerType === 'pen' ? Math.min(1, Math.max(0, e.pressure)) : NO_PRESSURE,
    );
    if (gesture.points.length > MAX_PEN_POINTS * PEN_POINT_STRIDE) gesture.points = halve(gesture.points);
    this.cachedPreview = null;
  }

  private shapeOf(gesture: Drawing, points: number[]): DraftOf<'pen'> {
    return {
      type: 'pen',
      id: gesture.id,
      x: gesture.originX,
      y: gesture.originY,
      rotation: 0,
      ...this.newShapeStyle(),
      points,
    };
  }

  private reset(): void {
    this.gesture = null;
    this.cachedPreview = null;
  }
}

/** Every other point, the last one kept: a stroke past the model's point limit keeps its shape within it. */
function halve(points: PenShape['points']): number[] {
  const result: number[] = [];
  const count = points.length / PEN_POINT_STRIDE;
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0 || i === count - 1) result.push(...points.slice(i * PEN_POINT_STRIDE, (i + 1) * PEN_POINT_STRIDE));
  }
  return result;
}

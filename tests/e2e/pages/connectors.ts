import type { ShapeSummary } from '../../../renderer/app/test-hook';
import type { CanvasPage, CanvasPoint } from './canvas-page';

/** A connector (line or arrow) as a person sees it: its drawn ends in board units and what each is bound to. */
export interface DrawnConnector {
  start: { x: number; y: number };
  end: { x: number; y: number };
  startBoundTo?: string;
  endBoundTo?: string;
}

/** Connector gestures and read-backs on a board's canvas (renderer/tools/segment-tool.ts, the test hook). */
export class ConnectorsPage {
  constructor(private readonly canvas: CanvasPage) {}

  /** The arrow tool, a drag from `from` to `to` (canvas pixels): an end on a shape binds to it. */
  async drawArrow(from: CanvasPoint, to: CanvasPoint): Promise<void> {
    await this.canvas.chooseTool('Arrow');
    await this.canvas.drag(from, to, 12);
  }

  /** The connector `id` as drawn now, its ends in board coordinates. */
  async drawn(id: string): Promise<DrawnConnector> {
    return drawnConnector(await this.canvas.shape(id));
  }

  /** The ids of the connectors on the board. */
  async ids(): Promise<string[]> {
    return (await this.canvas.shapes())
      .filter((shape) => shape.type === 'arrow' || shape.type === 'line')
      .map((shape) => shape.id);
  }
}

function drawnConnector(shape: ShapeSummary): DrawnConnector {
  const points = shape.points ?? [];
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error(`${shape.id} is not a line or arrow`);
  return {
    start: { x: shape.x + first.x, y: shape.y + first.y },
    end: { x: shape.x + last.x, y: shape.y + last.y },
    startBoundTo: shape.startBoundTo,
    endBoundTo: shape.endBoundTo,
  };
}

/** How far `point` is from the outline of the axis-aligned box (x, y, w, h): 0 on it. */
export function distanceToBoxOutline(point: { x: number; y: number }, box: ShapeSummary): number {
  const w = box.w ?? 0;
  const h = box.h ?? 0;
  const dx = Math.max(box.x - point.x, point.x - (box.x + w), 0);
  const dy = Math.max(box.y - point.y, point.y - (box.y + h), 0);
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(point.x - box.x, box.x + w - point.x, point.y - box.y, box.y + h - point.y);
}

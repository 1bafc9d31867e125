/**
 * What the frame commands do, apart from the keys and menus that run them
 * (actions/frame-actions.ts) and the frame list's buttons: find the frames,
 * zoom to one, export one, step through them while presenting.
 */
import type { FrameShape, Shape } from '../../shared/model';
import type { ActionContext } from '../actions/action';
import { fittedViewport } from '../actions/view-actions';
import { NothingToExportError, shapesToSvg } from '../export';
import { shapeBounds } from '../shapes';
import { membersOf } from './membership';

/** The board's frames in board order (bottom to top, as they were made unless reordered). */
export function boardFrames(board: Pick<ActionContext['board'], 'all'>): FrameShape[] {
  return board.all().filter((shape): shape is FrameShape => shape.type === 'frame');
}

/** The frame the selection names: a selected frame, else the frame holding the first selected shape. */
export function selectedFrame(ctx: ActionContext): FrameShape | undefined {
  const selected = ctx.ui.getState().selection.flatMap((id) => ctx.board.get(id) ?? []);
  const frame = selected.find((shape) => shape.type === 'frame');
  if (frame?.type === 'frame') return frame;
  const holder = selected[0]?.frameId === undefined ? undefined : ctx.board.get(selected[0].frameId);
  return holder?.type === 'frame' ? holder : undefined;
}

function frameById(ctx: ActionContext, frameId: string): FrameShape | undefined {
  const shape = ctx.board.get(frameId);
  return shape?.type === 'frame' ? shape : undefined;
}

/** Fits the frame to the canvas. */
export function zoomToFrame(ctx: ActionContext, frameId: string): void {
  const frame = frameById(ctx, frameId);
  if (frame) ctx.ui.getState().setViewport(fittedViewport(ctx, shapeBounds(frame)));
}

/** A file name part from a frame's name: what a file system takes. */
function fileNamePart(frame: FrameShape): string {
  const unsafe = '\\/:*?"<>|';
  const cleaned = [...frame.name]
    .map((char) => (char < ' ' || unsafe.includes(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned || 'Frame';
}

/** Saves the frame and its members, framed by the frame itself (members clipped to it), as PNG or SVG. */
export async function exportFrameAs(ctx: ActionContext, frameId: string, format: 'png' | 'svg'): Promise<void> {
  const frame = frameById(ctx, frameId);
  if (!frame) throw new NothingToExportError('there is nothing to export: the frame is gone');
  const shapes: Shape[] = [frame, ...membersOf(frame.id, ctx.board.all())];
  const view = shapeBounds(frame);
  const suggestedName = `${ctx.boardName}-${fileNamePart(frame)}.${format}`;
  if (format === 'svg') {
    const { svg } = shapesToSvg(shapes, { view });
    await ctx.files.saveFile({ suggestedName, mimeType: 'image/svg+xml', data: svg });
  } else {
    const data = await ctx.exporter.renderPng(shapes, 'light', view);
    await ctx.files.saveFile({ suggestedName, mimeType: 'image/png', data });
  }
}

/** Shows `frameId` fitted to the screen as the presented frame. */
export function presentFrame(ctx: ActionContext, frameId: string): void {
  ctx.ui.getState().setPresenting(frameId);
  ctx.ui.getState().select([]);
  zoomToFrame(ctx, frameId);
}

/** The frame `step` away from the one presented (stays at either end); null when not presenting. */
export function steppedFrame(ctx: ActionContext, step: 1 | -1): FrameShape | null {
  const current = ctx.ui.getState().presenting;
  if (current === null) return null;
  const frames = boardFrames(ctx.board);
  const at = frames.findIndex((frame) => frame.id === current);
  const next = frames[Math.min(frames.length - 1, Math.max(0, at + step))];
  return next ?? null;
}

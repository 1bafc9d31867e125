/**
 * Which frame holds a shape (its `frameId`). A shape belongs to the topmost
 * frame whose box holds the centre of the shape's bounds, decided when it is
 * drawn, pasted or dropped: a drag that ends inside a frame joins it, one that
 * ends outside leaves it (in the same transact as the move, so one undo step).
 * Frames never hold frames. Moving, deleting or duplicating a frame takes its
 * members along (withMembers).
 */
import { compareZOrder, type Shape } from '../../shared/model';
import type { BoardDoc } from '../doc';
import { boardToLocal, boxCentre, shapeBounds, type DraftOf, type DraftShape, type Point } from '../shapes';

type Frame = DraftOf<'frame'>;

function holds(frame: Frame, point: Point): boolean {
  const local = boardToLocal(frame, point);
  return local.x >= 0 && local.y >= 0 && local.x <= frame.w && local.y <= frame.h;
}

/** The frames of `shapes`, topmost first (the first that holds a point wins). */
export function framesTopFirst(shapes: readonly Shape[]): Shape[] {
  return shapes.filter((shape) => shape.type === 'frame').sort((a, b) => compareZOrder(b, a));
}

/** The id of the frame that should hold `shape` where it is now; undefined for none (and for a frame). */
export function frameFor(shape: DraftShape, framesTop: readonly Shape[]): string | undefined {
  if (shape.type === 'frame') return undefined;
  const centre = boxCentre(shapeBounds(shape));
  for (const frame of framesTop) {
    if (frame.type === 'frame' && frame.id !== shape.id && holds(frame, centre)) return frame.id;
  }
  return undefined;
}

/** `shape` with the frameId its place calls for (no field at all when no frame holds it). */
export function placedInFrame<S extends DraftShape>(shape: S, framesTop: readonly Shape[]): S {
  const frameId = frameFor(shape, framesTop);
  if (frameId === shape.frameId) return shape;
  const { frameId: _old, ...rest } = shape;
  return (frameId === undefined ? rest : { ...rest, frameId }) as S;
}

/**
 * After a move: the frameId patches of the moved shapes whose frame changed.
 * `board` is every shape with the moved ones at their new places.
 */
export function membershipPatches(
  moved: readonly Shape[],
  board: readonly Shape[],
): { id: string; frameId: string | undefined }[] {
  const framesTop = framesTopFirst(board);
  const movedIds = new Set(moved.map((shape) => shape.id));
  const patches: { id: string; frameId: string | undefined }[] = [];
  for (const shape of moved) {
    if (shape.type === 'frame') continue;
    // A member moved along with its frame stays in it.
    if (shape.frameId !== undefined && movedIds.has(shape.frameId)) continue;
    const frameId = frameFor(shape, framesTop);
    if (frameId !== shape.frameId) patches.push({ id: shape.id, frameId });
  }
  return patches;
}

/**
 * The shapes of a new frame: those on the board with no frame whose bounds
 * lie wholly inside it (drawing a frame around shapes takes them in, as in
 * Excalidraw).
 */
export function shapesToAdopt(frame: Frame, board: readonly Shape[]): Shape[] {
  return board.filter((shape) => {
    if (shape.type === 'frame' || shape.frameId !== undefined) return false;
    const box = shapeBounds(shape);
    return [
      { x: box.minX, y: box.minY },
      { x: box.maxX, y: box.maxY },
      { x: box.minX, y: box.maxY },
      { x: box.maxX, y: box.minY },
    ].every((corner) => holds(frame, corner));
  });
}

/** `shapes` plus the members of the frames among them that are not there yet, bottom to top. */
export function withMembers(shapes: readonly Shape[], board: readonly Shape[]): Shape[] {
  const frameIds = new Set(shapes.filter((shape) => shape.type === 'frame').map((shape) => shape.id));
  if (frameIds.size === 0) return [...shapes];
  const ids = new Set(shapes.map((shape) => shape.id));
  const members = board.filter(
    (shape) => !ids.has(shape.id) && shape.frameId !== undefined && frameIds.has(shape.frameId),
  );
  return [...shapes, ...members].sort(compareZOrder);
}

/** The members of `frameId`, bottom to top. */
export function membersOf(frameId: string, board: readonly Shape[]): Shape[] {
  return board.filter((shape) => shape.frameId === frameId && shape.type !== 'frame');
}

/** Pasted or duplicated copies not held by a copied frame join the frame they land in. */
export function placeCopies<S extends DraftShape>(copies: readonly S[], board: readonly Shape[]): S[] {
  const framesTop = framesTopFirst(board);
  return copies.map((copy) => (copy.frameId === undefined ? placedInFrame(copy, framesTop) : copy));
}

/**
 * Inside a move's transact, after the moved shapes were written: joins each
 * to the frame it was dropped in, or takes it out of the one it left.
 */
export function settleMembership(board: BoardDoc, moved: readonly Shape[]): void {
  const placed = moved.flatMap((shape) => board.get(shape.id) ?? []);
  for (const { id, frameId } of membershipPatches(placed, board.all())) board.update(id, { frameId });
}

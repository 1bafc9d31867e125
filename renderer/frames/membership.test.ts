import { describe, expect, it } from 'vitest';
import type { Shape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import {
  frameFor,
  framesTopFirst,
  membershipPatches,
  placeCopies,
  placedInFrame,
  shapesToAdopt,
  withMembers,
} from './membership';
import { drawOrder } from './frame-order';

const frame = (id: string, index: string, x: number, y: number, w = 200, h = 100) =>
  exampleShape('frame', { id, index, x, y, w, h, name: id });
const box = (id: string, index: string, x: number, y: number, frameId?: string): Shape =>
  exampleShape('rect', { id, index, x, y, w: 20, h: 20, ...(frameId ? { frameId } : {}) });

describe('frame membership', () => {
  const board = [frame('big', 'a0', 0, 0, 400, 400), frame('small', 'a1', 100, 100), box('r', 'a2', 10, 10)];

  it('puts a shape in the topmost frame that holds its centre, and in none outside', () => {
    const top = framesTopFirst(board);
    expect(frameFor(box('x', 'a3', 150, 130), top)).toBe('small');
    expect(frameFor(box('x', 'a3', 20, 300), top)).toBe('big');
    expect(frameFor(box('x', 'a3', 1000, 1000), top)).toBeUndefined();
    // A frame never joins a frame.
    expect(frameFor(frame('f', 'a3', 110, 110, 10, 10), top)).toBeUndefined();
    // Half over the edge: the centre decides.
    expect(frameFor(box('x', 'a3', 395, 10), top)).toBeUndefined();
    expect(frameFor(box('x', 'a3', 385, 10), top)).toBe('big');
  });

  it('placedInFrame sets, keeps or drops frameId without touching anything else', () => {
    const top = framesTopFirst(board);
    expect(placedInFrame(box('x', 'a3', 150, 130), top)).toMatchObject({ frameId: 'small', x: 150 });
    expect('frameId' in placedInFrame(box('x', 'a3', 900, 900, 'big'), top)).toBe(false);
  });

  it('after a move, patches the shapes whose frame changed and leaves members moved with their frame', () => {
    const moved = [box('in', 'a3', 150, 130), box('out', 'a4', 2000, 2000, 'big'), box('along', 'a5', 900, 900, 'f2')];
    const f2 = frame('f2', 'a6', 880, 880);
    expect(membershipPatches([...moved, f2], [...board, ...moved, f2])).toEqual([
      { id: 'in', frameId: 'small' },
      { id: 'out', frameId: undefined },
    ]);
  });

  it('adopts only unframed shapes wholly inside a new frame', () => {
    const f = frame('new', 'a9', 0, 0, 100, 100);
    const shapes = [box('whole', 'a1', 10, 10), box('edge', 'a2', 90, 10), box('held', 'a3', 10, 50, 'other')];
    expect(shapesToAdopt(f, shapes).map((shape) => shape.id)).toEqual(['whole']);
  });

  it('withMembers adds the members of selected frames, bottom to top', () => {
    const shapes = [
      frame('f', 'a0', 0, 0),
      box('m1', 'a1', 0, 0, 'f'),
      box('m2', 'a3', 0, 0, 'f'),
      box('n', 'a2', 0, 0),
    ];
    expect(withMembers([shapes[0] as Shape], shapes).map((shape) => shape.id)).toEqual(['f', 'm1', 'm2']);
    expect(withMembers([shapes[3] as Shape], shapes).map((shape) => shape.id)).toEqual(['n']);
  });

  it('copies not held by a copied frame join the frame they land in', () => {
    const copies = [box('c1', 'a5', 150, 130), box('c2', 'a6', 150, 130, 'copied')];
    expect(placeCopies(copies, board).map((shape) => shape.frameId)).toEqual(['small', 'copied']);
  });

  it('draws frames below the rest, keeping each part in order', () => {
    const shapes = [box('r1', 'a0', 0, 0), frame('f1', 'a1', 0, 0), box('r2', 'a2', 0, 0), frame('f2', 'a3', 0, 0)];
    expect(drawOrder(shapes).map((shape) => shape.id)).toEqual(['f1', 'f2', 'r1', 'r2']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArrowShape, Shape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { pathPoints } from '../shapes';
import { BINDING_GAP } from '../shapes/connectors';
import { BoardDoc, type ShapeInput } from './board-doc';
import { BoardUndo } from './undo';
import { ShapeIndex } from '../canvas/spatial-index';

const REMOTE = 'remote';
const stroke = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 };

function input<S extends Shape>(shape: S): ShapeInput {
  const { index: _index, ...rest } = shape;
  return rest as unknown as ShapeInput;
}

/** Two boxes side by side and an arrow bound from the left one's centre to the right one's. */
function board(doc = new Y.Doc()) {
  const b = new BoardDoc(doc);
  b.create([
    input(exampleShape('rect', { id: 'left', x: 0, y: 0, w: 100, h: 60, style: stroke })),
    input(exampleShape('rect', { id: 'right', x: 300, y: 0, w: 100, h: 60, style: stroke })),
    input(
      exampleShape('arrow', {
        id: 'arrow',
        x: 0,
        y: 0,
        points: [50, 30, 350, 30],
        startBinding: { shapeId: 'left', anchor: [0.5, 0.5] },
        endBinding: { shapeId: 'right', anchor: [0.5, 0.5] },
      }),
    ),
  ]);
  return b;
}

function arrowOf(b: BoardDoc): ArrowShape {
  const arrow = b.get('arrow');
  if (arrow?.type !== 'arrow') throw new Error('no arrow');
  return arrow;
}

/** Sends every change either side has that the other lacks, as the relay would once both are connected. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
}

const GAP = 1 + BINDING_GAP; // half the box's stroke and the gap

describe('bound connectors in the doc', () => {
  it('reads a bound arrow with its ends on the outlines, and follows a move without writing the arrow', () => {
    const b = board();
    expect(pathPoints(arrowOf(b).points)).toEqual([
      { x: 100 + GAP, y: 30 },
      { x: 300 - GAP, y: 30 },
    ]);
    const writes: string[][] = [];
    b.observe((ids) => writes.push([...ids]));
    b.update('right', { x: 500, y: 0 });
    expect(writes).toEqual([['right']]);
    expect(pathPoints(arrowOf(b).points)[1]).toEqual({ x: 500 - GAP, y: 30 });
  });

  it('keeps the drawn object while nothing it depends on changed, and makes a new one when a target moves', () => {
    const b = board();
    b.create(input(exampleShape('note', { id: 'elsewhere' })));
    const first = arrowOf(b);
    b.update('elsewhere', { x: 999 });
    expect(arrowOf(b)).toBe(first);
    b.update('left', { y: 100 });
    expect(arrowOf(b)).not.toBe(first);
  });

  it('converges when one person moves a box while another re-aims the arrow bound to it', () => {
    const docA = new Y.Doc();
    const ann = board(docA);
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const bob = new BoardDoc(docB);
    // Offline from each other: Ann moves the right box down, Bob binds the arrow's end to its lower half.
    ann.update('right', { x: 320, y: 200 });
    bob.update('arrow', { endBinding: { shapeId: 'right', anchor: [0.25, 0.9] } });
    exchange(docA, docB);
    const annSees = arrowOf(ann);
    expect(arrowOf(bob)).toEqual(annSees);
    expect(annSees.endBinding).toEqual({ shapeId: 'right', anchor: [0.25, 0.9] });
    const end = pathPoints(annSees.points)[1]!;
    // From the anchor (345, 254) toward the left box's centre, the ray leaves the moved box through its left side.
    expect(end.x).toBeLessThan(320 - 1); // the gap is measured along the ray
    expect(end.x).toBeGreaterThan(320 - GAP);
    expect(end.y).toBeGreaterThan(200);
    expect(bob.get('right')).toEqual(ann.get('right'));
  });

  it('converges when both drag: one moves the target, the other drags the arrow free of it', () => {
    const docA = new Y.Doc();
    const ann = board(docA);
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const bob = new BoardDoc(docB);
    ann.update('left', { x: -200 });
    bob.update('arrow', { startBinding: undefined, points: [10, 200, 295, 30] });
    exchange(docA, docB);
    expect(arrowOf(ann)).toEqual(arrowOf(bob));
    expect(pathPoints(arrowOf(ann).points)[0]).toEqual({ x: 10, y: 200 });
  });

  it('frees the ends bound to a deleted shape where they are drawn, in the same undo step', () => {
    const b = board();
    const undo = new BoardUndo(b);
    b.update('right', { y: 100 });
    const drawn = arrowOf(b);
    b.delete('right');
    const freed = arrowOf(b);
    expect(freed.endBinding).toBeUndefined();
    expect(freed.startBinding).toEqual(drawn.startBinding);
    expect(pathPoints(freed.points)[1]).toEqual(pathPoints(drawn.points)[1]);
    undo.undo();
    expect(b.get('right')).toBeDefined();
    expect(arrowOf(b).endBinding).toEqual({ shapeId: 'right', anchor: [0.5, 0.5] });
  });

  it('draws the stored points when a target vanished without freeing them (a peer that knew no bindings)', () => {
    const doc = new Y.Doc();
    const b = board(doc);
    const stored = [50, 30, 350, 30];
    doc.getMap('shapes').delete('right'); // not through BoardDoc: nothing frees the end
    expect(arrowOf(b).points).toEqual([100 + GAP, 30, stored[2], stored[3]]);
  });

  it('moves the arrow in the spatial index when only its target moved', () => {
    const b = board();
    const index = new ShapeIndex();
    index.sync(b.all());
    const around = (x: number, y: number) => index.at({ x, y }, 2).map((shape) => shape.id);
    expect(around(200, 30)).toContain('arrow');
    b.update('right', { y: 400 });
    index.sync(b.all());
    expect(around(200, 30)).not.toContain('arrow');
    expect(around(200, 230)).toContain('arrow'); // halfway along the new path, from (105, 30) toward the moved box
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleShape } from '../../shared/model/shapes/examples';
import { BoardDoc } from '../doc';
import { LiveShapes } from './live-shapes';

const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
const ids = (shapes: readonly { id: string }[]) => shapes.map((shape) => shape.id);

/** Two docs that exchange every update, as two people on one board. */
function twoPeople() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on('update', (update: Uint8Array) => Y.applyUpdate(theirs, update, 'remote'));
  theirs.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(mine, update, 'remote');
  });
  return { me: new BoardDoc(mine), them: new BoardDoc(theirs) };
}

describe('LiveShapes', () => {
  it("indexes the board as it is, and follows my edits and other people's", () => {
    const { me, them } = twoPeople();
    me.create(exampleShape('rect', { id: 'mine', x: 0, y: 0, w: 10, h: 10 }));
    const live = new LiveShapes(me);
    expect(live.count).toBe(1);
    const before = live.version;
    them.create(exampleShape('rect', { id: 'theirs', x: 100, y: 100, w: 10, h: 10 }));
    expect(live.version).toBeGreaterThan(before);
    expect(ids(live.index.query(box(90, 90, 120, 120)))).toEqual(['theirs']);
    them.update('mine', { x: 500 });
    expect(live.index.query(box(-5, -5, 20, 20))).toEqual([]);
    expect(ids(live.index.at({ x: 505, y: 5 }))).toEqual(['mine']);
    me.delete('theirs');
    expect(live.count).toBe(1);
    // What the index holds is what the doc reads: the same frozen objects.
    expect(live.index.query(box(-1e6, -1e6, 1e6, 1e6))).toEqual(me.all());
    live.destroy();
    them.create(exampleShape('rect', { id: 'after', x: 0, y: 0 }));
    expect(live.count).toBe(1);
  });

  it('takes a large transaction (a file opened, a join) as one bulk load', () => {
    const { me, them } = twoPeople();
    const live = new LiveShapes(me);
    them.create(
      Array.from({ length: 2500 }, (_, i) => exampleShape('rect', { id: `s${i}`, x: i * 20, y: 0, w: 10, h: 10 })),
    );
    expect(live.count).toBe(2500);
    expect(live.index.dirtySince(live.version - 1)).toBeNull();
    expect(ids(live.index.query(box(995, -5, 1015, 20)))).toEqual(['s50']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '../doc';
import { createUiStore } from '../state/ui-store';
import { line, note, pen, rect } from '../tools/testing/shapes';
import { boardSnapshot, isTestHookEnabled } from './test-hook';

describe('e2e test hook', () => {
  it('is enabled only by ?e2e=1', () => {
    expect(isTestHookEnabled('?e2e=1')).toBe(true);
    expect(isTestHookEnabled('?name=Ann&e2e=1')).toBe(true);
    expect(isTestHookEnabled('')).toBe(false);
    expect(isTestHookEnabled('?e2e=0')).toBe(false);
    expect(isTestHookEnabled('?e2e')).toBe(false);
  });

  it('summarises shapes bottom to top with their geometry, and the selection with its bounds', () => {
    const board = new BoardDoc(new Y.Doc());
    board.create([
      rect('r', 10, 20, 100, 50),
      line('l', 0, 0, 30, 40),
      pen('p', 5, 5, [0, 0, 0.5, 10, 10, 0.5]),
      note('n', 200, 0, 100, 80),
    ]);
    const ui = createUiStore();
    ui.getState().select(['n']);
    const snapshot = boardSnapshot({ board, ui });
    expect(snapshot.shapes.map((shape) => shape.type)).toEqual(['rect', 'line', 'pen', 'note']);
    expect(snapshot.shapes[0]).toMatchObject({ x: 10, y: 20, w: 100, h: 50, stroke: '#1e1e1e', fill: 'none' });
    expect(snapshot.shapes[0]?.bounds).toEqual({ minX: 9, minY: 19, maxX: 111, maxY: 71 });
    expect(snapshot.shapes[1]).toMatchObject({ end: { x: 30, y: 40 } });
    expect(snapshot.shapes[2]).toMatchObject({ pointCount: 2 });
    expect(snapshot.shapes[3]).toMatchObject({ text: '', fontSize: 20, w: 100, h: 80 });
    expect(snapshot).toMatchObject({
      selection: ['n'],
      selectionBounds: { minX: 200, minY: 0, maxX: 300, maxY: 80 },
      editingId: null,
      tool: 'select',
      viewport: { x: 0, y: 0, zoom: 1 },
    });
  });

  it('hands out copies: changing a snapshot changes nothing on the board', () => {
    const board = new BoardDoc(new Y.Doc());
    board.create(rect('r', 0, 0, 10, 10));
    const ui = createUiStore();
    const snapshot = boardSnapshot({ board, ui });
    const first = snapshot.shapes[0]!;
    first.x = 500;
    snapshot.selection.push('r');
    expect(board.get('r')).toMatchObject({ x: 0 });
    expect(ui.getState().selection).toEqual([]);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});

import { describe, expect, it } from 'vitest';
import { createUiStore, MAX_ZOOM, MIN_ZOOM } from './ui-store';

describe('UI store', () => {
  it('keeps the selection only for the select tool and ends inline editing on a tool switch', () => {
    const ui = createUiStore();
    ui.getState().select(['a', 'b', 'a']);
    ui.getState().setEditing('a');
    expect(ui.getState().selection).toEqual(['a', 'b']);
    ui.getState().setTool('select');
    expect(ui.getState()).toMatchObject({ selection: ['a', 'b'], editingId: null });
    ui.getState().setTool('pen');
    expect(ui.getState().selection).toEqual([]);
  });

  it('clamps zoom to 10 %-800 % and merges style changes', () => {
    const ui = createUiStore();
    ui.getState().setViewport({ x: 1, y: 2, zoom: 100 });
    expect(ui.getState().viewport).toEqual({ x: 1, y: 2, zoom: MAX_ZOOM });
    ui.getState().setViewport({ x: 0, y: 0, zoom: 0.001 });
    expect(ui.getState().viewport.zoom).toBe(MIN_ZOOM);
    ui.getState().setStyle({ stroke: '#ff0000' });
    expect(ui.getState().style).toMatchObject({ stroke: '#ff0000', strokeWidth: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { createTestContext, rect } from '../../actions/test-context';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { DEFAULT_STYLE } from '../../state/ui-store';
import { colourName } from './palette';
import { applyStyleChange, MIXED, patchFor, stylePanelModel } from './style-model';

const red8 = rect('red', { style: { stroke: '#e03131', fill: 'none', strokeWidth: 8 } });

describe('the style panel model', () => {
  it('shows the selection, not the defaults: a red 8 px rectangle reads red / 8', () => {
    const ctx = createTestContext();
    const [shape] = ctx.board.create([red8]);
    const model = stylePanelModel([shape!], DEFAULT_STYLE, 'select');
    expect(model).toMatchObject({ scope: 'selection', count: 1 });
    expect(model.rows).toEqual({ stroke: '#e03131', fill: 'none', strokeWidth: 8, dash: 'solid', opacity: 1 });
  });

  it('shows a value the selected shapes share, MIXED where they differ, and rows any of them has', () => {
    const ctx = createTestContext();
    const shapes = ctx.board.create([
      red8,
      rect('blue', { style: { stroke: '#1971c2', fill: 'none', strokeWidth: 8, dash: 'dashed' } }),
      { ...exampleShape('text', { id: 't', fontSize: 28, align: 'center' }), index: undefined },
      { ...exampleShape('arrow', { id: 'a' }), index: undefined },
    ]);
    const { rows } = stylePanelModel(shapes, DEFAULT_STYLE, 'select');
    expect(rows).toMatchObject({
      stroke: MIXED,
      fill: 'none',
      strokeWidth: MIXED, // the arrow is 2
      dash: MIXED,
      opacity: 1,
      fontSize: 28,
      align: 'center',
      arrowStart: false,
      arrowEnd: true,
    });
    // Two rectangles alone agree on the width.
    expect(stylePanelModel(shapes.slice(0, 2), DEFAULT_STYLE, 'select').rows.strokeWidth).toBe(8);
    expect(stylePanelModel(shapes.slice(0, 2), DEFAULT_STYLE, 'select').rows.fontSize).toBeUndefined();
  });

  it('with nothing selected shows the defaults, with the rows of the tool in hand', () => {
    const defaults = { ...DEFAULT_STYLE, stroke: '#2f9e44' };
    const all = stylePanelModel([], defaults, 'select');
    expect(all).toMatchObject({ scope: 'defaults', count: 0 });
    expect(all.rows).toMatchObject({ stroke: '#2f9e44', fontSize: 20, arrowEnd: true });
    expect(Object.keys(stylePanelModel([], defaults, 'text').rows).sort()).toEqual([
      'align',
      'fontSize',
      'opacity',
      'stroke',
    ]);
    expect(stylePanelModel([], defaults, 'pen').rows.dash).toBeUndefined();
  });

  it('patches only what a shape has and what changes', () => {
    const shape = exampleShape('note');
    expect(patchFor(shape, { stroke: '#e03131' })).toBeNull();
    expect(patchFor(shape, { fontSize: 28, align: 'right' })).toEqual({ fontSize: 28, align: 'right' });
    const arrow = exampleShape('arrow');
    expect(patchFor(arrow, { arrowStart: true })).toEqual({ arrowheads: { start: true, end: true } });
    expect(patchFor(arrow, { dash: 'dotted', fill: '#a5d8ff' })).toEqual({
      style: { ...arrow.style, dash: 'dotted' },
    });
    // Back to solid leaves no dash field, as boards stored before dashes.
    const dashed = exampleShape('rect', { style: { ...arrow.style, dash: 'dashed' } });
    expect(patchFor(dashed, { dash: 'solid' })).toEqual({ style: arrow.style });
  });

  it('changes the selection in one undo step and leaves the defaults alone', () => {
    const ctx = createTestContext();
    ctx.board.create([red8, rect('b')]);
    ctx.ui.getState().select(['red', 'b']);
    applyStyleChange(ctx.board, ctx.ui.getState(), { stroke: '#2f9e44', dash: 'dotted' });
    expect(ctx.board.all().map((shape) => [shape.style.stroke, shape.style.dash])).toEqual([
      ['#2f9e44', 'dotted'],
      ['#2f9e44', 'dotted'],
    ]);
    expect(ctx.ui.getState().style).toEqual(DEFAULT_STYLE);
    ctx.undo.undo();
    expect(ctx.board.all().map((shape) => shape.style.stroke)).toEqual(['#e03131', '#1e1e1e']);
  });

  it('with nothing selected changes the defaults and writes nothing', () => {
    const ctx = createTestContext();
    ctx.board.create(red8);
    ctx.undo.clear();
    applyStyleChange(ctx.board, ctx.ui.getState(), { fill: '#a5d8ff', arrowStart: true });
    expect(ctx.ui.getState().style).toMatchObject({ fill: '#a5d8ff', arrowheads: { start: true, end: true } });
    expect(ctx.board.all()[0]?.style.fill).toBe('none');
    expect(ctx.undo.canUndo).toBe(false);
  });

  it('names colours for screen readers', () => {
    expect(colourName('#E03131')).toBe('Red');
    expect(colourName('none')).toBe('None');
    expect(colourName('#123456')).toBe('custom #123456');
  });
});

describe('the route of lines and arrows', () => {
  it('shows Route for lines and arrows, straight when none is stored; elbow sets it, straight keeps the two ends', () => {
    const arrow = exampleShape('arrow');
    expect(stylePanelModel([arrow], DEFAULT_STYLE, 'select').rows.route).toBe('straight');
    expect(stylePanelModel([exampleShape('rect')], DEFAULT_STYLE, 'select').rows.route).toBeUndefined();
    expect(stylePanelModel([], DEFAULT_STYLE, 'line').rows.route).toBe('straight');
    expect(patchFor(arrow, { route: 'elbow' })).toEqual({ route: 'elbow' });
    const elbow = exampleShape('line', { route: 'elbow', points: [0, 0, 50, 0, 50, 80, 100, 80] });
    expect(patchFor(elbow, { route: 'straight' })).toEqual({ route: undefined, points: [0, 0, 100, 80] });
    expect(patchFor(elbow, { route: 'elbow' })).toBeNull();
  });
});

describe('labels in the style panel', () => {
  it('shows and changes the font size and alignment of a labelled shape; an unlabelled one has neither', () => {
    const labelled = exampleShape('rect', { label: 'Start' });
    const model = stylePanelModel([labelled], DEFAULT_STYLE, 'select');
    expect(model.rows).toMatchObject({ fontSize: 20, align: 'center' });
    expect(stylePanelModel([exampleShape('ellipse')], DEFAULT_STYLE, 'select').rows).not.toHaveProperty('align');
    expect(patchFor(labelled, { align: 'left', fontSize: 32 })).toEqual({ labelAlign: 'left', labelFontSize: 32 });
    expect(patchFor(labelled, { align: 'center', fontSize: 20 })).toBeNull();
    expect(patchFor(exampleShape('arrow'), { align: 'left' })).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleShape } from '../../../shared/model/shapes/examples';
import { estimatingMeasurer, setTextMeasurer } from '../text-metrics';
import { testMeasurer } from '../text/test-measurer';
import { hitTestShape, scaleShape, shapeBounds } from '../index';
import { pathPoints } from '../line/geometry';
import { pathAroundBox } from './gap';
import { labelArea, labelLayout, labelledHeightFor, LABEL_PADDING, layoutLabel, pathMidpoint } from './layout';

beforeEach(() => setTextMeasurer(testMeasurer));
afterEach(() => setTextMeasurer(estimatingMeasurer));

// Font size 10: letters 5 wide, spaces 2.5, a line 12.5 tall.
const rect = (label: string, w = 76, h = 100) => exampleShape('rect', { x: 0, y: 0, w, h, label, labelFontSize: 10 });

describe('label layout', () => {
  it('wraps a rectangle label to the inner width and centres it vertically', () => {
    const shape = rect('the quick brown fox'); // inner width 76 - 16 = 60
    const layout = labelLayout(shape);
    expect(layout).toMatchObject({ lines: ['the quick', 'brown fox'], fontSize: 10, align: 'center', gap: null });
    expect(layout).toMatchObject({ x: LABEL_PADDING, w: 60, h: 25, y: 50 - 12.5 });
    // Cached per shape object; a shape without a label has none.
    expect(labelLayout(shape)).toBe(layout);
    expect(labelLayout(exampleShape('rect'))).toBeNull();
    expect(labelLayout(rect(''))).toBeNull();
  });

  it('wraps an ellipse label inside its inscribed rectangle', () => {
    const ellipse = exampleShape('ellipse', { w: 200, h: 100, label: 'x' });
    const area = labelArea(ellipse);
    expect(area.w).toBeCloseTo(200 * Math.SQRT1_2 - 2 * LABEL_PADDING, 6);
    expect(area.h).toBeCloseTo(100 * Math.SQRT1_2 - 2 * LABEL_PADDING, 6);
    expect(area.x + area.w / 2).toBeCloseTo(100, 6);
  });

  it('scales the label font with the shape and keeps the alignment chosen', () => {
    const shape = exampleShape('rect', {
      x: 0,
      y: 0,
      w: 100,
      h: 50,
      label: 'Hi',
      labelFontSize: 20,
      labelAlign: 'left',
    });
    const doubled = scaleShape(shape, { anchor: { x: 0, y: 0 }, sx: 2, sy: 2 });
    expect(doubled).toMatchObject({ w: 200, h: 100, labelFontSize: 40, labelAlign: 'left' });
    const wider = scaleShape(shape, { anchor: { x: 0, y: 0 }, sx: 4, sy: 1 });
    expect(wider.labelFontSize).toBeCloseTo(40, 6); // √(4 × 1)
    // Without a label nothing about labels is written.
    expect(scaleShape(exampleShape('rect'), { anchor: { x: 0, y: 0 }, sx: 2, sy: 2 })).not.toHaveProperty(
      'labelFontSize',
    );
    const arrow = exampleShape('arrow', { points: [0, 0, 100, 0], label: 'go', labelFontSize: 10 });
    expect(scaleShape(arrow, { anchor: { x: 0, y: 0 }, sx: 3, sy: 1 }).labelFontSize).toBeCloseTo(30, 6);
  });

  it('grows a rectangle or an ellipse downwards for a label that needs more room, never shrinks it', () => {
    const shape = rect('', 76, 20);
    const long = 'aaaa bbbb cccc dddd'; // two words a line at 60: 2 lines, 25 tall
    expect(labelledHeightFor(shape, long)).toBe(25 + 2 * LABEL_PADDING);
    expect(labelledHeightFor(rect('', 76, 300), long)).toBe(300);
    expect(labelledHeightFor(shape, '')).toBe(20);
    const ellipse = exampleShape('ellipse', { w: 200, h: 10, labelFontSize: 10 });
    const h = labelledHeightFor(ellipse, 'x');
    expect(h * Math.SQRT1_2 - 2 * LABEL_PADDING).toBeCloseTo(12.5, 6);
  });

  it('centres an arrow label on the middle of its path, wrapped to a share of its length', () => {
    const arrow = exampleShape('arrow', { x: 0, y: 0, points: [0, 0, 400, 0], label: 'yes', labelFontSize: 10 });
    const layout = labelLayout(arrow);
    expect(layout).toMatchObject({ lines: ['yes'], w: 15, h: 12.5, x: 200 - 7.5, y: -6.25 });
    expect(layout?.gap).toEqual({ minX: 192.5 - 3, minY: -6.25 - 3, maxX: 207.5 + 3, maxY: 6.25 + 3 });
    // 0.7 of 400 is 280: a long label wraps there.
    const long = layoutLabel(arrow, 'word '.repeat(30).trim());
    expect(Math.max(...long.lines.map((line) => testMeasurer(line, 10)))).toBeLessThanOrEqual(280);
    expect(long.lines.length).toBeGreaterThan(1);
    expect(pathMidpoint(pathPoints([0, 0, 100, 0, 100, 100])).point).toEqual({ x: 100, y: 0 });
  });

  it('makes the label part of a line: clicking it picks the line, and the bounds hold it', () => {
    const arrow = exampleShape('arrow', { x: 0, y: 0, points: [0, 0, 400, 0], label: 'a\nb\nc', labelFontSize: 10 });
    expect(hitTestShape(arrow, { x: 200, y: 15 }, 1)).toBe(true);
    expect(hitTestShape({ ...arrow, label: undefined }, { x: 200, y: 15 }, 1)).toBe(false);
    expect(shapeBounds(arrow).maxY).toBeGreaterThan(18);
  });
});

describe('path around a label', () => {
  const box = { minX: 40, minY: -10, maxX: 60, maxY: 10 };

  it('cuts the part of each segment inside the box', () => {
    expect(pathAroundBox(pathPoints([0, 0, 100, 0]), box)).toEqual([
      [
        { x: 0, y: 0 },
        { x: 40, y: 0 },
      ],
      [
        { x: 60, y: 0 },
        { x: 100, y: 0 },
      ],
    ]);
  });

  it('keeps a path that misses the box whole, and joins the runs of a bent path', () => {
    const bent = pathPoints([0, 50, 100, 50, 100, 100]);
    expect(pathAroundBox(bent, box)).toEqual([bent]);
    const through = pathPoints([0, 0, 50, 0, 50, 100]); // bends inside the box
    expect(pathAroundBox(through, box)).toEqual([
      [
        { x: 0, y: 0 },
        { x: 40, y: 0 },
      ],
      [
        { x: 50, y: 10 },
        { x: 50, y: 100 },
      ],
    ]);
  });
});

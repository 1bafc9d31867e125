import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { exportFrame, NothingToExportError } from './frame';
import { MAX_PDF_PAGE_SIDE_PT, MIN_PDF_PAGE_SIDE_PT, PDF_POINTS_PER_UNIT, pdfPageSize, shapesPage } from './pdf-plan';

describe('pdfPageSize', () => {
  it('is 0.75 pt a board unit (a CSS pixel is 1/96 in, a point 1/72 in)', () => {
    expect(pdfPageSize(400, 200)).toEqual({ width: 300, height: 150, scale: PDF_POINTS_PER_UNIT });
  });

  it('scales content too big for a page down to the largest page readers take, keeping its aspect', () => {
    const size = pdfPageSize(40_000, 10_000);
    expect(size.width).toBe(MAX_PDF_PAGE_SIDE_PT);
    expect(size.height).toBeCloseTo(MAX_PDF_PAGE_SIDE_PT / 4, 6);
    expect(size.scale).toBeCloseTo(MAX_PDF_PAGE_SIDE_PT / 40_000, 9);
  });

  it('never makes a page side smaller than PDF allows', () => {
    expect(pdfPageSize(1, 2)).toMatchObject({ width: MIN_PDF_PAGE_SIDE_PT, height: MIN_PDF_PAGE_SIDE_PT });
  });
});

describe('shapesPage', () => {
  it('is one page framed like the PNG and SVG exports, sized at 0.75 pt a unit', () => {
    const shapes = [exampleShape('rect', { id: 'a' }), exampleShape('ellipse', { id: 'b', index: 'a1', x: 300 })];
    const frame = exportFrame(shapes);
    const pages = shapesPage(shapes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual({
      shapes,
      view: frame.view,
      width: frame.width * 0.75,
      height: frame.height * 0.75,
    });
  });

  it('draws bottom to top whatever order the shapes come in', () => {
    const low = exampleShape('rect', { id: 'low', index: 'a1' });
    const high = exampleShape('rect', { id: 'high', index: 'a2' });
    expect(shapesPage([high, low])[0]!.shapes.map((shape) => shape.id)).toEqual(['low', 'high']);
  });

  it('refuses nothing', () => {
    expect(() => shapesPage([])).toThrow(NothingToExportError);
  });
});

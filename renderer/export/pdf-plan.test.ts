import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { exportFrame, NothingToExportError } from './frame';
import {
  framePages,
  MAX_PDF_PAGES,
  MAX_PDF_PAGE_SIDE_PT,
  MIN_PDF_PAGE_SIDE_PT,
  PDF_POINTS_PER_UNIT,
  pdfPageSize,
  shapesPage,
} from './pdf-plan';

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

describe('framePages', () => {
  const frame = (id: string, index: string, fields = {}) =>
    exampleShape('frame', { id, index, x: 0, y: 0, w: 400, h: 300, ...fields });
  const member = (id: string, frameId: string) => exampleShape('rect', { id, index: 'b0', frameId });

  it('is one page per frame in z-order, each the frame with its members, sized to the frame', () => {
    const board = [
      frame('later', 'a2', { x: 1000, w: 200, h: 600 }),
      member('in-later', 'later'),
      frame('earlier', 'a1'),
      member('in-earlier', 'earlier'),
      exampleShape('ellipse', { id: 'loose', index: 'c0' }),
    ];
    const pages = framePages(board, board);
    expect(pages.map((page) => page.shapes.map((shape) => shape.id))).toEqual([
      ['earlier', 'in-earlier'],
      ['later', 'in-later'],
    ]);
    // The frame's box and half its 2-unit outline each side.
    expect(pages[0]).toMatchObject({ view: { minX: -1, minY: -1, maxX: 401, maxY: 301 }, width: 301.5, height: 226.5 });
    expect(pages[1]).toMatchObject({ width: 202 * 0.75, height: 602 * 0.75 });
  });

  it('takes only the frames asked for, members from the whole board', () => {
    const board = [frame('a', 'a1'), frame('b', 'a2', { x: 500 }), member('in-b', 'b')];
    expect(framePages([board[1]!, exampleShape('rect')], board).map((page) => page.shapes.map((s) => s.id))).toEqual([
      ['b', 'in-b'],
    ]);
  });

  it('a frame with no members is a page of its own (its box)', () => {
    expect(framePages([frame('empty', 'a1')], [])[0]!.shapes.map((shape) => shape.id)).toEqual(['empty']);
  });

  it('refuses a board without frames, and more frames than a PDF may have pages', () => {
    expect(() => framePages([exampleShape('rect')], [])).toThrow('there is nothing to export: the board has no frames');
    const many = Array.from({ length: MAX_PDF_PAGES + 1 }, (_, i) => frame(`f${i}`, `a${i}`));
    expect(() => framePages(many, many)).toThrow(`a PDF holds at most ${MAX_PDF_PAGES} pages`);
  });
});

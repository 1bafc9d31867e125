// @vitest-environment jsdom
/**
 * Real PDFs, made by pdf.ts (jsPDF and svg2pdf.js) in a DOM and read back with
 * pdf.js, a real PDF reader: pages, their sizes, and the text as text.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleShape, exampleShapes } from '../../shared/model/shapes/examples';
import { lineHeight, measureTextWidth } from '../shapes';
import { NothingToExportError } from './frame';
import { renderPdf } from './pdf';
import { framePages, shapesPage } from './pdf-plan';
import { DARK_EXPORT_BACKGROUND } from './png';
import { canvasColours } from '../theme/canvas-colours';

const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** Counts the times the font is asked for. */
function fontLoader() {
  const loader = {
    loads: 0,
    async load() {
      loader.loads += 1;
      return new Uint8Array(await readFile(fontPath));
    },
  };
  return loader;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

async function read(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

async function textItems(pdf: PDFDocumentProxy, pageNumber: number): Promise<TextItem[]> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items.filter((item): item is TextItem & typeof item => 'str' in item && item.str.trim() !== '');
}

async function pageSizes(pdf: PDFDocumentProxy): Promise<number[][]> {
  const sizes = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const [x0, y0, x1, y1] = (await pdf.getPage(n)).view;
    sizes.push([x1! - x0!, y1! - y0!]);
  }
  return sizes;
}

beforeAll(() => {
  // jsdom lays nothing out, so it has no getBBox; svg2pdf.js measures each line with it to place the next
  // piece of the same line, which these documents never have (one piece a line). Any width will do.
  const prototype = window.SVGElement.prototype as unknown as { getBBox?: () => DOMRect };
  prototype.getBBox ??= () => new DOMRect(0, 0, 0, 0);
});

describe('renderPdf', () => {
  it('writes one page per planned page, each of its planned size', async () => {
    const board = exampleShapes();
    const selection = [exampleShape('rect', { x: 0, y: 0, w: 400, h: 100 })];
    const pages = [...shapesPage(board), ...shapesPage(selection)];
    const pdf = await read(await renderPdf(pages, { loadUnicodeFont: fontLoader().load, title: 'retro' }));
    expect(pdf.numPages).toBe(2);
    const sizes = await pageSizes(pdf);
    pages.forEach((page, i) => {
      expect(sizes[i]![0]).toBeCloseTo(page.width, 1);
      expect(sizes[i]![1]).toBeCloseTo(page.height, 1);
    });
    expect(sizes[1]![0]!).toBeGreaterThan(sizes[1]![1]!); // a landscape page stays landscape
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Creator?: string } };
    expect(info).toMatchObject({ Title: 'retro', Creator: 'Easel' });
  });

  it('writes text as text, in Helvetica, without loading the Unicode font, when Latin-1 is enough', async () => {
    const fonts = fontLoader();
    const shapes = [
      ...exampleShapes(),
      exampleShape('text', { id: 'latin', index: 'a9', y: 300, text: 'Café “déjà vu” – 5 €…', w: 300 }),
    ];
    const pdf = await read(await renderPdf(shapesPage(shapes), { loadUnicodeFont: fonts.load }));
    const texts = (await textItems(pdf, 1)).map((item) => item.str);
    expect(texts).toEqual(expect.arrayContaining(['Hello', 'Remember', 'Café “déjà vu” – 5 €…']));
    expect(fonts.loads).toBe(0);
  });

  it('embeds DejaVu Sans for text beyond Latin-1, so it stays real text; what the font lacks is left out', async () => {
    const fonts = fontLoader();
    const shapes = [exampleShape('text', { text: 'Ünïcødé ✓ Ωμέγα Жж 漢字', w: 400 })];
    const bytes = await renderPdf(shapesPage(shapes), { loadUnicodeFont: fonts.load });
    expect(fonts.loads).toBe(1);
    const text = (await textItems(await read(bytes), 1)).map((item) => item.str).join('');
    expect(text).toContain('Ünïcødé ✓ Ωμέγα Жж');
    expect(text).not.toContain('漢'); // DejaVu Sans has no Han characters: left out, not garbage
    expect(bytes.byteLength).toBeLessThan(200_000); // one copy, of the glyphs used, not the whole 740 KB font
  });

  it('places centred text by the PDF font, and centres each line on its line box', async () => {
    const w = measureTextWidth('centre me', 20); // a text's box is as wide as its longest line
    const shape = exampleShape('text', { x: 0, y: 0, text: 'centre me', w, fontSize: 20, align: 'center' });
    const [page] = shapesPage([shape]);
    const pdf = await read(await renderPdf([page!], { loadUnicodeFont: fontLoader().load }));
    const [item] = await textItems(pdf, 1);
    const scale = 0.75;
    const middle = (w / 2 - page!.view.minX) * scale;
    expect(item!.str).toBe('centre me');
    expect(item!.transform[4]! + item!.width / 2).toBeCloseTo(middle, 0);
    // pdf.js gives the baseline from the page's bottom. The line's box is lineHeight(20) tall from y = 0;
    // a line centred on it has its baseline below the box's middle by about a third of the font size.
    const baselineFromTop = page!.height - item!.transform[5]!;
    const boxMiddle = (lineHeight(20) / 2 - page!.view.minY) * scale;
    expect(baselineFromTop - boxMiddle).toBeGreaterThan(0.2 * 20 * scale);
    expect(baselineFromTop - boxMiddle).toBeLessThan(0.5 * 20 * scale);
  });

  it('writes a page per frame, each of the frame’s size, with the text of its own members', async () => {
    const board = [
      exampleShape('frame', { id: 'one', index: 'a1', x: 0, y: 0, w: 400, h: 300, name: 'One' }),
      exampleShape('text', { id: 't1', index: 'b1', x: 20, y: 20, text: 'first page', w: 120, frameId: 'one' }),
      exampleShape('frame', { id: 'two', index: 'a2', x: 600, y: 0, w: 300, h: 500, name: 'Two' }),
      exampleShape('text', { id: 't2', index: 'b2', x: 620, y: 20, text: 'second page', w: 120, frameId: 'two' }),
      exampleShape('text', { id: 'loose', index: 'b3', x: 0, y: 700, text: 'on no page', w: 120 }),
    ];
    const pdf = await read(await renderPdf(framePages(board, board), { loadUnicodeFont: fontLoader().load }));
    expect(pdf.numPages).toBe(2);
    const sizes = await pageSizes(pdf);
    expect(sizes[0]![0]).toBeCloseTo(402 * 0.75, 1);
    expect(sizes[0]![1]).toBeCloseTo(302 * 0.75, 1);
    expect(sizes[1]![0]).toBeCloseTo(302 * 0.75, 1);
    expect(sizes[1]![1]).toBeCloseTo(502 * 0.75, 1);
    expect((await textItems(pdf, 1)).map((item) => item.str)).toEqual(['first page']);
    expect((await textItems(pdf, 2)).map((item) => item.str)).toEqual(['second page']);
  });

  it('paints a dark PDF in the canvas’s dark colours on the dark page colour', async () => {
    const shapes = [exampleShape('rect', { style: { stroke: '#1e1e1e', fill: '#ffffff', strokeWidth: 2 } })];
    const pdf = await read(await renderPdf(shapesPage(shapes), { loadUnicodeFont: fontLoader().load, theme: 'dark' }));
    const page = await pdf.getPage(1);
    const { fnArray, argsArray } = await page.getOperatorList();
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const colours = fnArray.flatMap((fn, i) =>
      fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor ? [String(argsArray[i])] : [],
    );
    const hex = (colour: string) => colour.toLowerCase();
    expect(colours.map(hex)).toEqual(
      expect.arrayContaining([hex(DARK_EXPORT_BACKGROUND), hex(canvasColours('dark')('#ffffff'))]),
    );
    expect(colours.map(hex)).not.toContain('#ffffff');
  });

  it('keeps a shape’s label as text, centred in the shape', async () => {
    const box = exampleShape('rect', { x: 0, y: 0, w: 300, h: 100, label: 'Ünïcødé ✓ label' });
    const [page] = shapesPage([box]);
    const pdf = await read(await renderPdf([page!], { loadUnicodeFont: fontLoader().load }));
    const [item] = await textItems(pdf, 1);
    expect(item!.str).toBe('Ünïcødé ✓ label');
    expect(item!.transform[4]! + item!.width / 2).toBeCloseTo((150 - page!.view.minX) * 0.75, 0);
  });

  it('refuses no pages', async () => {
    await expect(renderPdf([], { loadUnicodeFont: fontLoader().load })).rejects.toThrow(NothingToExportError);
  });
});

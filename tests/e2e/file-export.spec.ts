import type { Page } from '@playwright/test';
import type { ShapeSummary } from '../../renderer/app/test-hook';
import { decodePng, pixelsUnlike } from '../support/png';
import { expect, test } from './fixtures';
import type { CanvasPage } from './pages/canvas-page';
import { FileMenu } from './pages/file-menu';
import { openBoard } from './pages/open-board';

/** Matches DEFAULT_EXPORT_PADDING and PNG_PIXEL_RATIO in renderer/export. */
const PADDING = 16;
const PIXEL_RATIO = 2;
const WHITE = [255, 255, 255] as const;

/** A rectangle, an ellipse and a pen stroke, drawn with the mouse. */
async function drawThreeShapes(canvas: CanvasPage): Promise<void> {
  await canvas.drawRectangle([60, 60], [220, 160]);
  await canvas.chooseTool('Ellipse');
  await canvas.drag([260, 80], [400, 180]);
  await canvas.chooseTool('Pen');
  await canvas.stroke([
    [80, 260],
    [140, 220],
    [200, 300],
    [260, 240],
  ]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');
}

/** A click on empty canvas with the select tool. */
async function selectNothing(canvas: CanvasPage): Promise<void> {
  await canvas.chooseTool('Select');
  await canvas.click([900, 560]);
  await expect.poll(() => canvas.selection()).toEqual([]);
}

function unionBounds(shapes: readonly ShapeSummary[]) {
  return {
    minX: Math.min(...shapes.map((shape) => shape.bounds.minX)),
    minY: Math.min(...shapes.map((shape) => shape.bounds.minY)),
    maxX: Math.max(...shapes.map((shape) => shape.bounds.maxX)),
    maxY: Math.max(...shapes.map((shape) => shape.bounds.maxY)),
  };
}

interface ParsedSvg {
  error: string | null;
  root: string;
  shapes: string[];
  /** All the text the document shows. */
  text: string;
}

/** Parses the SVG with the browser's XML parser (strict: one error and there is no document). */
async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    // Typed by hand: tests are type-checked without the DOM lib.
    interface Node {
      localName: string;
      textContent: string | null;
      getAttribute(name: string): string | null;
    }
    const { DOMParser } = globalThis as unknown as {
      DOMParser: new () => {
        parseFromString(
          text: string,
          type: string,
        ): {
          documentElement: Node;
          querySelector(selector: string): Node | null;
          querySelectorAll(selector: string): ArrayLike<Node>;
        };
      };
    };
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error ? error.textContent : null,
      root: doc.documentElement.localName,
      shapes: Array.from(doc.querySelectorAll('[data-shape]'), (node) => node.getAttribute('data-shape') ?? ''),
      text: Array.from(doc.querySelectorAll('tspan'), (node) => node.textContent ?? '').join(' '),
    };
  }, text);
}

test('Export PNG (Ctrl+Shift+E) downloads a PNG of the board at twice its size, and it is not blank', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'export-png');
  const file = new FileMenu(page);
  // Nothing to export or save yet: the menu shows those commands greyed out, with their shortcuts.
  await file.openMenu();
  await expect(file.item('Export PNG')).toHaveAttribute('aria-disabled', 'true');
  await expect(file.item('Export PNG')).toHaveAttribute('aria-keyshortcuts', 'Ctrl+Shift+E');
  await expect(file.item('Save board file')).toHaveAttribute('aria-disabled', 'true');
  await expect(file.item('Open board file')).not.toHaveAttribute('aria-disabled');
  await page.keyboard.press('Escape');
  await expect(file.menu).toHaveCount(0);
  await expect(file.menuButton).toBeFocused();
  await file.openMenu();
  await file.menuButton.click(); // the File button closes its own menu too
  await expect(file.menu).toHaveCount(0);
  await drawThreeShapes(canvas);
  await selectNothing(canvas); // the whole board

  const { name, bytes } = await file.download('Export PNG', 'Control+Shift+E');
  await import('node:fs/promises').then((fs) => fs.writeFile('/tmp/export.png', bytes));
  expect(name).toBe('export-png.png');
  const png = decodePng(bytes);
  const bounds = unionBounds(await canvas.shapes());
  expect(png.width).toBeGreaterThan(0);
  expect(png.height).toBeGreaterThan(0);
  expect(Math.abs(png.width - (bounds.maxX - bounds.minX + 2 * PADDING) * PIXEL_RATIO)).toBeLessThanOrEqual(1);
  expect(Math.abs(png.height - (bounds.maxY - bounds.minY + 2 * PADDING) * PIXEL_RATIO)).toBeLessThanOrEqual(1);
  // The shapes are drawn on a white background: about 11,000 pixels of ink here (outlines 2 units wide, at 2x).
  expect(pixelsUnlike(png, WHITE)).toBeGreaterThan(5_000);
  // The corner is padding, so background; the middle of the rectangle's top edge is its dark stroke.
  expect(Array.from(png.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  const rect = (await canvas.shapes()).find((shape) => shape.type === 'rect')!;
  const px = Math.round((rect.x + rect.w! / 2 - (bounds.minX - PADDING)) * PIXEL_RATIO);
  const py = Math.round((rect.y - (bounds.minY - PADDING)) * PIXEL_RATIO);
  const [r, g, b] = png.rgba.subarray((py * png.width + px) * 4, (py * png.width + px) * 4 + 3);
  expect(Math.max(r!, g!, b!), `pixel at ${px}, ${py}`).toBeLessThan(100);
  await expect(file.alert).toHaveCount(0);
});

test('Export SVG writes one element per shape, and only the selection when there is one', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'export-svg');
  const file = new FileMenu(page);
  await drawThreeShapes(canvas);
  const markup = 'a <b>bold</b> & "quoted" note';
  await canvas.writeText('Note', [520, 300], markup, [900, 560]);
  await selectNothing(canvas);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '4');

  const whole = await file.download('Export SVG');
  await import('node:fs/promises').then((fs) => fs.writeFile('/tmp/export.svg', whole.bytes));
  expect(whole.name).toBe('export-svg.svg');
  const parsed = await parseSvg(page, whole.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.shapes).toEqual(['rect', 'ellipse', 'pen', 'note']);
  expect(parsed.text.replace(/\s+/g, ' ')).toContain(markup); // escaped in the file, the same text once parsed

  await canvas.click([140, 60]); // the rectangle's top edge
  await expect.poll(async () => (await canvas.selection()).length).toBe(1);
  const selection = await file.download('Export SVG');
  expect(selection.name).toBe('export-svg-selection.svg');
  expect((await parseSvg(page, selection.bytes.toString('utf8'))).shapes).toEqual(['rect']);
});

test('Save board file (Ctrl+S) and open it in a fresh board: the same shapes, one undo step', async ({
  page,
  browser,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'save-source');
  const file = new FileMenu(page);
  await drawThreeShapes(canvas);
  const saved = await file.download('Save board file', 'Control+s');
  expect(saved.name).toBe('save-source.easel');
  const original = await canvas.shapes();

  const context = await browser.newContext();
  const other = await openBoard(await context.newPage(), relay.url, 'save-target');
  const otherFile = new FileMenu(other.page);
  await expect(other.canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await otherFile.open(await saved.download.path());
  await expect(other.canvas.canvas).toHaveAttribute('data-shape-count', String(original.length));
  const opened = await other.canvas.shapes();
  const geometry = ({ type, x, y, w, h, rotation, stroke, fill, strokeWidth }: ShapeSummary) => ({
    type,
    x,
    y,
    w,
    h,
    rotation,
    stroke,
    fill,
    strokeWidth,
  });
  expect(opened.map(geometry)).toEqual(original.map(geometry));
  expect(opened.map((shape) => shape.id)).not.toEqual(original.map((shape) => shape.id)); // fresh ids
  expect(await other.canvas.selection()).toEqual(opened.map((shape) => shape.id));
  await expect(otherFile.alert).toHaveCount(0);

  await other.canvas.undoButton.click();
  await expect(other.canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await context.close();
});

test('Ctrl+O opens a board file too', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'open-by-key');
  const file = new FileMenu(page);
  const shape = {
    type: 'rect',
    id: 'r1',
    index: 'a0',
    x: 100,
    y: 100,
    rotation: 0,
    opacity: 1,
    style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 },
    w: 50,
    h: 40,
  };
  const content = { format: 'easel', version: 1, exportedAt: new Date().toISOString(), shapes: [shape] };
  await file.open(
    { name: 'one.easel', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) },
    'Control+o',
  );
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('opening a bad file says why and leaves the board as it was', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'open-bad');
  const file = new FileMenu(page);
  await drawThreeShapes(canvas);
  const before = await canvas.shapes();

  await file.open({ name: 'broken.easel', mimeType: 'application/json', buffer: Buffer.from('{"format": "easel",') });
  await expect(file.alert).toBeVisible();
  await expect(file.alert).toContainText('Could not open “broken.easel”: the file is not valid JSON');

  await file.open({
    name: 'other.easel',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ format: 'easel', version: 9, exportedAt: new Date().toISOString(), shapes: [] }),
    ),
  });
  await expect(file.alert).toContainText('made by a newer Easel (version 9)');

  expect(await canvas.shapes()).toEqual(before);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');
  await file.dismissButton.click();
  await expect(file.alert).toHaveCount(0);
});

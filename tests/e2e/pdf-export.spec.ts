import type { ShapeSummary } from '../../renderer/app/test-hook';
import { pngImage } from '../support/images';
import { readPdf } from '../support/pdf-reader';
import { expect, test } from './fixtures';
import { FileMenu } from './pages/file-menu';
import { ImagesPage } from './pages/images-page';
import { openBoard } from './pages/open-board';

/** DEFAULT_EXPORT_PADDING and PDF_POINTS_PER_UNIT in renderer/export. */
const PADDING = 16;
const POINTS_PER_UNIT = 0.75;

function pageSizeOf(shapes: readonly ShapeSummary[]) {
  const minX = Math.min(...shapes.map((shape) => shape.bounds.minX));
  const minY = Math.min(...shapes.map((shape) => shape.bounds.minY));
  const maxX = Math.max(...shapes.map((shape) => shape.bounds.maxX));
  const maxY = Math.max(...shapes.map((shape) => shape.bounds.maxY));
  return {
    width: (maxX - minX + 2 * PADDING) * POINTS_PER_UNIT,
    height: (maxY - minY + 2 * PADDING) * POINTS_PER_UNIT,
  };
}

test('Export PDF downloads one page of the board with its text as text, and of the selection when there is one', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'export-pdf');
  const file = new FileMenu(page);
  await file.openMenu();
  await expect(file.item('Export PDF')).toHaveAttribute('aria-disabled', 'true'); // nothing to export yet
  await page.keyboard.press('Escape');

  await canvas.drawRectangle([60, 60], [260, 180]);
  await canvas.writeText('Text', [320, 100], 'Ünïcødé ✓ plain words', [900, 560]);
  await canvas.writeText('Note', [120, 300], 'Remember the milk', [900, 560]);
  await canvas.chooseTool('Select');
  await canvas.click([900, 560]);
  await expect.poll(() => canvas.selection()).toEqual([]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');

  const whole = await file.download('Export PDF');
  expect(whole.name).toBe('export-pdf.pdf');
  const pdf = await readPdf(whole.bytes);
  expect(pdf.pages).toHaveLength(1);
  const expected = pageSizeOf(await canvas.shapes());
  expect(pdf.pages[0]!.width).toBeCloseTo(expected.width, 0);
  expect(pdf.pages[0]!.height).toBeCloseTo(expected.height, 0);
  const text = pdf.pages[0]!.texts.join(' ');
  expect(text).toContain('Ünïcødé ✓ plain words');
  expect(text).toContain('Remember');
  expect(pdf.title).toBe('export-pdf');
  await expect(file.alert).toHaveCount(0);

  await canvas.click([160, 60]); // the rectangle's top edge
  await expect.poll(async () => (await canvas.selection()).length).toBe(1);
  const selection = await file.download('Export PDF');
  expect(selection.name).toBe('export-pdf-selection.pdf');
  const selected = await readPdf(selection.bytes);
  expect(selected.pages).toHaveLength(1);
  expect(selected.pages[0]!.texts).toEqual([]);
  const rect = (await canvas.shapes()).filter((shape) => shape.type === 'rect');
  expect(selected.pages[0]!.width).toBeCloseTo(pageSizeOf(rect).width, 0);
});

test('Export PDF of frames downloads one page per frame, each of its frame’s size, in board order', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'export-pdf-frames');
  const file = new FileMenu(page);
  await canvas.drawRectangle([700, 420], [780, 480]); // outside every frame
  await file.openMenu();
  await expect(file.item('Export PDF of frames')).toHaveAttribute('aria-disabled', 'true'); // no frame yet
  await page.keyboard.press('Escape');

  await canvas.chooseTool('Frame');
  await canvas.drag([60, 80], [360, 280]);
  await canvas.chooseTool('Frame', 'key');
  await canvas.drag([420, 80], [620, 380]);
  await canvas.writeText('Text', [100, 140], 'inside the first', [900, 560]);
  await canvas.writeText('Text', [460, 140], 'inside the second', [900, 560]);
  await canvas.chooseTool('Select');
  await canvas.click([900, 560]);
  const frames = (await canvas.shapes()).filter((shape) => shape.type === 'frame');
  expect(frames).toHaveLength(2);

  const { name, bytes } = await file.download('Export PDF of frames');
  expect(name).toBe('export-pdf-frames-frames.pdf');
  const pdf = await readPdf(bytes);
  expect(pdf.pages).toHaveLength(2);
  for (const [i, frame] of frames.entries()) {
    const { bounds } = frame;
    expect(pdf.pages[i]!.width).toBeCloseTo((bounds.maxX - bounds.minX) * POINTS_PER_UNIT, 0);
    expect(pdf.pages[i]!.height).toBeCloseTo((bounds.maxY - bounds.minY) * POINTS_PER_UNIT, 0);
  }
  expect(pdf.pages.map((each) => each.texts)).toEqual([['inside the first'], ['inside the second']]);
  await expect(file.alert).toHaveCount(0);
});

test('Export PDF carries the board’s images', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'export-pdf-image');
  const file = new FileMenu(page);
  const picture = pngImage(200, 100, { rgba: [200, 40, 40, 255] });
  await new ImagesPage(page).drop([{ name: 'red.png', mimeType: 'image/png', buffer: picture }], [300, 250]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  const { bytes } = await file.download('Export PDF');
  const pdf = await readPdf(bytes);
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.pages[0]!.images).toBe(1);
  await expect(file.alert).toHaveCount(0);
});

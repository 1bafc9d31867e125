import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeBoardFile } from '../../shared/model/board-file';
import { readPdf } from '../support/pdf-reader';
import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { FileMenu } from './pages/file-menu';

async function boardFileOnDisk(file: string) {
  const decoded = decodeBoardFile(await readFile(file, 'utf8'));
  if (!decoded.ok) throw new Error(`${file} is not a board file: ${decoded.error}`);
  return decoded.file;
}

test('Save asks where once, then writes the same file again; Save As asks again', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const fileMenu = new FileMenu(page);
  await desktop.openBoard('desk-save');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([100, 100], [220, 180]);
  const first = path.join(desktop.tempDir, 'retro.easel');
  desktop.dialogs.nextSave(first);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await boardFileOnDisk(first).catch(() => null))?.shapes.length).toBe(1);
  expect(desktop.dialogs.shown).toEqual([
    expect.objectContaining({
      kind: 'save',
      title: 'Save board',
      defaultPath: expect.stringMatching(/desk-save\.easel$/),
    }),
  ]);

  await canvas.drawRectangle([300, 100], [400, 180]);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await boardFileOnDisk(first)).shapes.length).toBe(2);
  expect(desktop.dialogs.shown).toHaveLength(1);

  const second = path.join(desktop.tempDir, 'copy.easel');
  desktop.dialogs.nextSave(second);
  await fileMenu.choose('Save board file as…');
  await expect.poll(async () => (await boardFileOnDisk(second).catch(() => null))?.shapes.length).toBe(2);
  expect(desktop.dialogs.shown).toHaveLength(2);
  await expect(fileMenu.alert).toHaveCount(0);
});

test('Export PDF saves through the native dialog, as PNG and SVG do', async ({ desktop, page }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const fileMenu = new FileMenu(page);
  await desktop.openBoard('desk-pdf');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([100, 100], [220, 180]);
  await canvas.writeText('Text', [300, 120], 'Ünïcødé ✓', [700, 500]);
  await canvas.chooseTool('Select');
  await canvas.click([700, 500]);
  const target = path.join(desktop.tempDir, 'slides');
  desktop.dialogs.nextSave(target);
  await fileMenu.choose('Export PDF');
  const saved = `${target}.pdf`;
  await expect.poll(async () => (await stat(saved).catch(() => null))?.size ?? 0).toBeGreaterThan(0);
  expect(desktop.dialogs.shown).toEqual([
    expect.objectContaining({
      kind: 'save',
      title: 'Export PDF',
      defaultPath: expect.stringMatching(/desk-pdf\.pdf$/),
    }),
  ]);
  const pdf = await readPdf(await readFile(saved));
  expect(pdf.pages).toHaveLength(1);
  expect(pdf.pages[0]!.texts.join(' ')).toContain('Ünïcødé ✓');
  await expect(fileMenu.alert).toHaveCount(0);
});

test('a cancelled save writes nothing and says nothing', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  const fileMenu = new FileMenu(page);
  await desktop.openBoard('desk-cancel');
  await canvas.drawRectangle([100, 100], [220, 180]);
  desktop.dialogs.nextSave(null);
  await page.keyboard.press('Control+s');
  await expect.poll(() => desktop.dialogs.shown.length).toBe(1);
  await expect(fileMenu.alert).toHaveCount(0);
});

test('Open reads a board file from disk through the native dialog', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  const fileMenu = new FileMenu(page);
  // Saved from one board, opened into another.
  await desktop.openBoard('desk-source');
  await canvas.drawRectangle([100, 100], [220, 180]);
  await canvas.drawRectangle([260, 100], [360, 180]);
  const file = path.join(desktop.tempDir, 'two.easel');
  desktop.dialogs.nextSave(file);
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await stat(file).catch(() => null))?.size ?? 0).toBeGreaterThan(0);

  await desktop.openBoard('desk-target');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  desktop.dialogs.nextOpen(file);
  await fileMenu.choose('Open board file');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  expect(desktop.dialogs.shown.at(-1)).toMatchObject({ kind: 'open', title: 'Open board' });
});

test('a file that is not a board gives a clear notice and leaves the board alone', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  const fileMenu = new FileMenu(page);
  const file = path.join(desktop.tempDir, 'broken.easel');
  await writeFile(file, 'this is not json');
  await desktop.openBoard('desk-broken');
  desktop.dialogs.nextOpen(file);
  await fileMenu.choose('Open board file');
  await expect(fileMenu.alert).toContainText('Could not open “broken.easel”');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');

  desktop.dialogs.nextOpen(path.join(desktop.tempDir, 'missing.easel'));
  await fileMenu.choose('Open board file');
  await expect(fileMenu.alert).toContainText('Open board file failed:');
});

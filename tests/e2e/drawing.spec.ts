import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';
import { expect, test } from './fixtures';

test('a rectangle dragged on the canvas is saved, and Ctrl+Z takes it back', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'draw-rect');
  await expect(board.status).toHaveText('Saved');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');

  await canvas.drawRectangle([100, 100], [260, 200]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(board.status).toHaveText('Saved');
  // Drawing hands over to select with the new shape selected, as the tools decide.
  await page.keyboard.press('Control+z');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('toolbar buttons say their shortcut and show which tool is active', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'toolbar');
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.tool('Rectangle')).toHaveAttribute('aria-keyshortcuts', 'R');
  await canvas.tool('Rectangle').hover();
  await expect(canvas.tooltip('Rectangle')).toBeVisible();
  await expect(canvas.tooltip('Rectangle')).toHaveText('RectangleR');
  await page.keyboard.press('p');
  await expect(canvas.tool('Pen')).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'false');
});

test('the tool lock (Q) keeps a drawing tool for the next shape', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'tool-lock');
  await canvas.ready();
  await page.keyboard.press('q');
  await expect(canvas.tool('Lock tool (keep it after drawing)')).toHaveAttribute('aria-pressed', 'true');
  await canvas.drawRectangle([100, 100], [200, 180], 'key');
  await canvas.drag([260, 100], [360, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  await expect(canvas.tool('Rectangle')).toHaveAttribute('aria-pressed', 'true');
  await canvas.tool('Lock tool (keep it after drawing)').click();
  await canvas.drag([420, 100], [520, 180]);
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
});

test('a pen stroke becomes one shape', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relay.url, 'draw-pen');
  await expect(board.status).toHaveText('Saved');
  await canvas.tool('Pen').click();
  await canvas.stroke([
    [80, 300],
    [120, 260],
    [170, 320],
    [220, 250],
    [280, 310],
  ]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('a rectangle drawn by one person appears for another on the same board within a second', async ({
  browser,
  relay,
}) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [pageA, pageB] = await Promise.all(contexts.map((context) => context.newPage()));
  if (!pageA || !pageB) throw new Error('no pages');
  const a = { board: new BoardPage(pageA), canvas: new CanvasPage(pageA) };
  const b = { board: new BoardPage(pageB), canvas: new CanvasPage(pageB) };
  await a.board.open(relay.url, 'shared-board', 'Ann');
  await b.board.open(relay.url, 'shared-board', 'Bob');
  await expect(a.board.status).toHaveText('Saved');
  await expect(b.board.status).toHaveText('Saved');

  await a.canvas.drawRectangle([60, 60], [200, 160]);
  await expect(a.canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(b.canvas.canvas).toHaveAttribute('data-shape-count', '1', { timeout: 1_000 });
  await Promise.all(contexts.map((context) => context.close()));
});

test('a board with a few shapes renders (screenshot for a human to look at)', async ({ page, relay }) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await board.open(relay.url, 'screenshot');
  await expect(board.status).toHaveText('Saved');
  await canvas.drawRectangle([60, 60], [240, 180]);
  await canvas.tool('Ellipse').click();
  await canvas.drag([300, 80], [460, 200]);
  await canvas.tool('Arrow').click();
  await canvas.drag([260, 260], [480, 330]);
  await canvas.tool('Pen').click();
  await canvas.stroke([
    [80, 300],
    [120, 260],
    [170, 320],
    [220, 250],
  ]);
  await canvas.tool('Note').click();
  await canvas.drag([560, 160], [561, 161], 1);
  await page.keyboard.type('Hello from a note');
  await page.mouse.click(900, 600); // commits the note's text
  await canvas.tool('Text').click();
  await canvas.drag([600, 400], [600, 400], 1);
  await page.keyboard.type('Plain text');
  await page.keyboard.press('Control+Enter');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '6');
  await expect(page.locator('textarea')).toHaveCount(0);
  await canvas.drag([150, 60], [150, 60], 1); // selects the rectangle by its top edge: handles show
  await page.screenshot({ path: 'test-results/board.png' });
});

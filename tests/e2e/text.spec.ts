import { expect, test } from './fixtures';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

const EMPTY: [number, number] = [900, 480];

test('text typed with the text tool is saved by Ctrl+Enter, a click away or Esc', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'text-commit');

  await canvas.chooseTool('Text', 'key');
  await canvas.click([200, 120]);
  await expect(canvas.editor).toBeFocused();
  await page.keyboard.type('First line\nsecond line');
  await page.keyboard.press('Control+Enter');
  await expect(canvas.editor).toHaveCount(0);
  await expect.poll(() => canvas.shapes()).toMatchObject([{ type: 'text', text: 'First line\nsecond line' }]);
  // The tool hands over to select with the new text selected.
  await expect(canvas.tool('Select')).toHaveAttribute('aria-pressed', 'true');
  expect((await canvas.snapshot()).selection).toEqual(await canvas.order());

  await canvas.writeText('Text', [200, 300], 'Clicked away', EMPTY, 'button');
  await expect
    .poll(() => canvas.shapes())
    .toMatchObject([{ text: 'First line\nsecond line' }, { text: 'Clicked away' }]);
  expectNear(await canvas.shape((await canvas.order())[1]!), { x: 200 });

  // Esc leaves the editor keeping the text (as in Excalidraw and tldraw); Ctrl+Z takes it back.
  await canvas.chooseTool('Text', 'key');
  await canvas.click([200, 420]);
  await expect(canvas.editor).toBeFocused();
  await page.keyboard.type('Kept by Esc');
  await page.keyboard.press('Escape');
  await expect(canvas.editor).toHaveCount(0);
  await expect
    .poll(async () => (await canvas.shapes()).map((shape) => shape.text))
    .toEqual(['First line\nsecond line', 'Clicked away', 'Kept by Esc']);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await canvas.shapes()).map((shape) => shape.text))
    .toEqual(['First line\nsecond line', 'Clicked away']);
});

test('the font size chosen in the style panel goes to new text and to the selected text', async ({ page, relay }) => {
  const { canvas, style } = await openBoard(page, relay.url, 'text-font');
  await style.setFontSize(40);
  await canvas.writeText('Text', [200, 200], 'Big', EMPTY, 'key');
  const [id] = await canvas.order();
  await expect.poll(async () => (await canvas.shape(id!)).fontSize).toBe(40);
  const big = await canvas.shape(id!);
  // Lines are 1.25 em: the box of one line of 40 px text is 50 px high.
  expectNear({ h: big.bounds.maxY - big.bounds.minY }, { h: 50 }, 0.5);

  await canvas.click([220, 200]); // select it
  await expect.poll(() => canvas.selection()).toEqual([id]);
  await style.setFontSize(16);
  await expect.poll(async () => (await canvas.shape(id!)).fontSize).toBe(16);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await canvas.shape(id!)).fontSize).toBe(40);
});

test('a sticky note takes typed text at once, and a double-click edits it again', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'text-note');
  await canvas.writeText('Note', [300, 250], 'Buy milk', EMPTY, 'key');
  const [id] = await canvas.order();
  await expect.poll(async () => (await canvas.shape(id!)).text).toBe('Buy milk');

  await canvas.doubleClick([300, 250]);
  await expect(canvas.editor).toHaveValue('Buy milk');
  await page.keyboard.type(' and bread');
  await canvas.click(EMPTY);
  await expect.poll(async () => (await canvas.shape(id!)).text).toBe('Buy milk and bread');
  expect(await canvas.shapeTypes()).toEqual(['note']);
});

import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

test('the style panel shows the selection; each change is one undo step and leaves the defaults alone', async ({
  page,
  relay,
}) => {
  const { canvas, style } = await openBoard(page, relay.url, 'style');
  await expect(style.scope).toHaveText('New shapes');
  await canvas.drawRectangle([100, 100], [240, 200]);
  const [id] = await canvas.order();
  await expect(style.scope).toHaveText('Selection · 1 shape');
  await expect(style.stroke('Black')).toHaveAttribute('aria-pressed', 'true');

  await style.stroke('Red').click();
  await expect.poll(async () => (await canvas.shape(id!)).stroke).toBe('#e03131');
  await style.fill('Light blue').click();
  await expect.poll(async () => (await canvas.shape(id!)).fill).toBe('#a5d8ff');
  await expect(style.fill('Light blue')).toHaveAttribute('aria-pressed', 'true');
  await style.setWidth(8);
  await expect.poll(async () => (await canvas.shape(id!)).strokeWidth).toBe(8);
  // A red 8 px rectangle reads red / 8 px in the panel, not the defaults.
  await expect(style.stroke('Red')).toHaveAttribute('aria-pressed', 'true');
  await expect(style.width).toHaveValue('8');
  await style.setOpacity(50);
  await expect.poll(async () => (await canvas.shape(id!)).opacity).toBe(0.5);
  await style.choice('Dash', 'Dotted').click();
  await expect.poll(async () => (await canvas.shape(id!)).dash).toBe('dotted');
  await style.noFill.click();
  await expect.poll(async () => (await canvas.shape(id!)).fill).toBe('none');

  // The No fill button has focus, not a form field, so the shortcut reaches the board: one step back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => canvas.shape(id!)).toMatchObject({ stroke: '#e03131', fill: '#a5d8ff', strokeWidth: 8 });

  // None of it became a default: the next shape is drawn as the first was.
  await page.keyboard.press('Escape');
  await expect(style.scope).toHaveText('New shapes');
  await expect(style.stroke('Black')).toHaveAttribute('aria-pressed', 'true');
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([400, 100], [520, 200]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  expect((await canvas.shapes())[1]).toMatchObject({
    type: 'ellipse',
    stroke: '#1e1e1e',
    fill: 'none',
    strokeWidth: 2,
  });
});

test('a mixed selection shows mixed values; a choice sets every selected shape in one undo step', async ({
  page,
  relay,
}) => {
  const { canvas, style } = await openBoard(page, relay.url, 'style-mixed');
  await canvas.drawRectangle([80, 100], [200, 200]);
  await style.stroke('Red').click();
  await style.setWidth(8);
  await canvas.drawRectangle([260, 100], [380, 200], 'key');
  await style.stroke('Blue').click();
  await canvas.chooseTool('Text', 'key');
  await canvas.click([450, 150]);
  await page.keyboard.type('Label');
  await page.keyboard.press('Control+Enter');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');

  await canvas.drag([40, 60], [700, 260]); // a marquee around all three
  await expect.poll(async () => (await canvas.selection()).length).toBe(3);
  await expect(style.scope).toHaveText('Selection · 3 shapes');
  await expect(style.row('Stroke')).toHaveAccessibleName('Stroke · Mixed');
  await expect(style.row('Stroke').locator('[aria-pressed="true"]')).toHaveCount(0);
  await expect(style.width).toHaveValue(''); // 8 and 2 px: shown as Mixed
  await expect(style.width.locator('option:checked')).toHaveText('Mixed');
  await expect(style.fontSize).toHaveValue('20'); // only the text has a font size
  await expect(style.row('Fill')).toHaveAccessibleName('Fill');

  await style.stroke('Green').click();
  await expect
    .poll(async () => (await canvas.shapes()).map((shape) => shape.stroke))
    .toEqual(['#2f9e44', '#2f9e44', '#2f9e44']);
  await expect(style.row('Stroke')).toHaveAccessibleName('Stroke');
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await canvas.shapes()).map((shape) => shape.stroke))
    .toEqual(['#e03131', '#1971c2', '#1e1e1e']);
});

test('with nothing selected a choice sets the defaults, visibly, and new shapes take them', async ({ page, relay }) => {
  const { canvas, style } = await openBoard(page, relay.url, 'style-defaults');
  await style.stroke('Violet').click();
  await style.choice('Dash', 'Dashed').click();
  await expect(style.stroke('Violet')).toHaveAttribute('aria-pressed', 'true');
  await expect(style.choice('Dash', 'Dashed')).toHaveAttribute('aria-pressed', 'true');
  await canvas.drawRectangle([100, 100], [240, 200]);
  expect((await canvas.shapes())[0]).toMatchObject({ stroke: '#9c36b5', dash: 'dashed' });

  // Arrowheads and alignment show for the shapes that have them.
  await page.keyboard.press('Escape');
  await canvas.chooseTool('Arrow', 'key');
  await style.choice('Arrowheads', 'Start').click();
  await canvas.drag([300, 300], [450, 300]);
  await expect.poll(async () => (await canvas.shapes())[1]?.arrowheads).toEqual({ start: true, end: true });
  await canvas.chooseTool('Text', 'key');
  await style.choice('Align', 'Align centre').click();
  await canvas.click([500, 150]);
  await page.keyboard.type('Centred');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await canvas.shapes())[2]).toMatchObject({ text: 'Centred', align: 'center' });
});

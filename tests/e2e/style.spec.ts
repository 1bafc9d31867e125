import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

test('stroke, fill, width and opacity from the style panel change the selected shape, one undo step each', async ({
  page,
  relay,
}) => {
  const { canvas, style } = await openBoard(page, relay.url, 'style');
  await canvas.drawRectangle([100, 100], [240, 200]);
  const [id] = await canvas.order();
  await expect.poll(() => canvas.shape(id!)).toMatchObject({ stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 });

  await style.stroke('#e03131').click();
  await expect.poll(async () => (await canvas.shape(id!)).stroke).toBe('#e03131');
  await style.fill('#1971c2').click();
  await expect.poll(async () => (await canvas.shape(id!)).fill).toBe('#1971c2');
  await expect(style.fill('#1971c2')).toHaveAttribute('aria-pressed', 'true');
  await style.setWidth(8);
  await expect.poll(async () => (await canvas.shape(id!)).strokeWidth).toBe(8);
  await style.setOpacity(50);
  await expect.poll(async () => (await canvas.shape(id!)).opacity).toBe(0.5);
  await style.noFill.click();
  await expect.poll(async () => (await canvas.shape(id!)).fill).toBe('none');

  // The No fill button has focus, not a form field, so the shortcut reaches the board.
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => canvas.shape(id!))
    .toMatchObject({
      stroke: '#e03131',
      fill: '#1971c2',
      strokeWidth: 8,
      opacity: 0.5,
    });

  // The choices are also the defaults for what is drawn next.
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([400, 100], [520, 200]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '2');
  expect((await canvas.shapes())[1]).toMatchObject({
    type: 'ellipse',
    stroke: '#e03131',
    fill: 'none',
    strokeWidth: 8,
    opacity: 0.5,
  });
});

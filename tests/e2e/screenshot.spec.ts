import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

/**
 * A board with every shape kind, styles, a turned shape, sticky notes and a
 * selection, drawn with the mouse and saved as test-results/shapes.png, and
 * again in the dark theme as test-results/shapes-dark.png: the pictures in the
 * README (docs/shapes.png, docs/shapes-dark.png) are copies of them.
 */
test('a composed board with every shape kind renders (screenshot for the README)', async ({ page, relay }) => {
  // Wide enough that the style panel at the right leaves the drawing alone.
  await page.setViewportSize({ width: 1280, height: 800 });
  const { canvas, style } = await openBoard(page, relay.url, 'sprint-board', 'Ann');
  const away: [number, number] = [960, 560];

  await style.setFontSize(40);
  await canvas.writeText('Text', [60, 45], 'Sprint board', away);
  await style.setFontSize(20);
  await canvas.chooseTool('Line', 'key');
  await canvas.drag([60, 85], [330, 85]);

  await canvas.click(away); // a style change applies to the selection too: start each colour with none
  await style.stroke('Blue').click();
  await style.setWidth(4);
  await canvas.drawRectangle([60, 130], [300, 290], 'key');
  await canvas.writeText('Text', [90, 160], 'Backlog', away, 'key');

  await canvas.click(away);
  await style.stroke('Green').click();
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([470, 130], [660, 290]);
  await canvas.writeText('Text', [535, 210], 'Done', away, 'key');
  await canvas.click(away);
  await style.stroke('Red').click();
  await canvas.chooseTool('Pen', 'key');
  await canvas.stroke([
    [610, 300],
    [630, 325],
    [640, 333],
    [690, 265],
  ]);

  // The pen stays active and selects nothing, so there is nothing to deselect here.
  await style.stroke('Black').click();
  await style.setWidth(2);
  await canvas.chooseTool('Arrow', 'key');
  await canvas.drag([310, 210], [460, 210]);

  await canvas.click(away);
  await style.stroke('Orange').click();
  await style.fill('Light yellow').click();
  await style.setOpacity(50);
  await canvas.drawRectangle([760, 150], [920, 250], 'key');
  // Shift snaps the turn to 15°: the handle dragged 20° clockwise lands on 15°.
  await page.keyboard.down('Shift');
  const [cx, cy] = [840, 200];
  const angle = (-70 * Math.PI) / 180;
  await canvas.dragRotateHandleTo([cx + 80 * Math.cos(angle), cy + 80 * Math.sin(angle)]);
  await page.keyboard.up('Shift');
  await canvas.click(away);
  await style.setOpacity(100);
  await style.noFill.click();
  await style.stroke('Black').click();

  await canvas.writeText('Note', [220, 460], 'Ship the e2e tests', away, 'key');
  await canvas.writeText('Note', [470, 460], 'Screenshots in the README', away, 'key');

  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '11');
  const shapes = await canvas.shapes();
  expect(new Set(shapes.map((shape) => shape.type))).toEqual(
    new Set(['pen', 'rect', 'ellipse', 'line', 'arrow', 'text', 'note']),
  );
  const turned = shapes.find((shape) => shape.stroke === '#f08c00');
  expect(turned?.rotation).toBeCloseTo(Math.PI / 12, 5);

  // A marquee around the ellipse, its label and the tick: a selection box with handles around the three.
  await canvas.drag([450, 115], [715, 350]);
  await expect.poll(async () => (await canvas.selection()).length).toBe(3);
  await canvas.hover(away);
  await page.screenshot({ path: 'test-results/shapes.png' });

  // The same board in the dark theme (docs/shapes-dark.png): the canvas maps its colours as it paints.
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await canvas.hover(away);
  await page.screenshot({ path: 'test-results/shapes-dark.png' });
});

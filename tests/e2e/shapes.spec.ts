import type { ShapeSummary } from '../../renderer/app/test-hook';
import { expect, test } from './fixtures';
import type { ToolChoice } from './pages/canvas-page';
import { expectNear } from './pages/near';
import { openBoard } from './pages/open-board';

const byType = (shapes: ShapeSummary[], type: string): ShapeSummary => {
  const found = shapes.find((shape) => shape.type === type);
  if (!found) throw new Error(`no ${type} on the board: ${shapes.map((shape) => shape.type).join(', ')}`);
  return found;
};

for (const via of ['button', 'key'] as const satisfies readonly ToolChoice[]) {
  test(`every shape kind drawn with the mouse, each tool picked by its ${via}`, async ({ page, relay }) => {
    const { canvas } = await openBoard(page, relay.url, `every-shape-${via}`);

    await canvas.chooseTool('Rectangle', via);
    await canvas.drag([60, 60], [220, 160]);
    await canvas.chooseTool('Ellipse', via);
    await canvas.drag([260, 60], [400, 160]);
    await canvas.chooseTool('Line', via);
    await canvas.drag([440, 60], [580, 160]);
    await canvas.chooseTool('Arrow', via);
    await canvas.drag([620, 160], [780, 60]);
    await canvas.chooseTool('Pen', via);
    await canvas.stroke([
      [60, 260],
      [120, 220],
      [180, 300],
      [240, 240],
    ]);
    await canvas.writeText('Text', [300, 260], 'Hello board', [900, 520], via);
    await canvas.writeText('Note', [640, 320], 'Remember the milk', [900, 520], via);

    await expect(canvas.canvas).toHaveAttribute('data-shape-count', '7');
    const shapes = await canvas.shapes();
    expect(shapes.map((shape) => shape.type)).toEqual(['rect', 'ellipse', 'line', 'arrow', 'pen', 'text', 'note']);
    // At zoom 1 with the viewport at the origin, board units are canvas pixels: the shapes are where the mouse went.
    expectNear(byType(shapes, 'rect'), { x: 60, y: 60, w: 160, h: 100, rotation: 0 });
    expectNear(byType(shapes, 'ellipse'), { x: 260, y: 60, w: 140, h: 100 });
    const line = byType(shapes, 'line');
    expectNear(line, { x: 440, y: 60 });
    expectNear(line.end ?? {}, { x: 140, y: 100 });
    const arrow = byType(shapes, 'arrow');
    expectNear(arrow, { x: 620, y: 160 });
    expectNear(arrow.end ?? {}, { x: 160, y: -100 });
    const pen = byType(shapes, 'pen');
    expect(pen.pointCount).toBeGreaterThanOrEqual(4);
    // The stroke runs from the first point to the last; smoothing rounds off the peaks in between.
    expectNear(pen.bounds, { minX: 60, maxX: 240 }, 4);
    expect(pen.bounds.minY).toBeGreaterThanOrEqual(218);
    expect(pen.bounds.maxY).toBeLessThanOrEqual(302);
    expect(pen.bounds.maxY - pen.bounds.minY).toBeGreaterThan(40);
    const text = byType(shapes, 'text');
    expect(text).toMatchObject({ text: 'Hello board', fontSize: 20 });
    expectNear(text, { x: 300 }, 1);
    const note = byType(shapes, 'note');
    expect(note.text).toBe('Remember the milk');
    // A note is centred on the click.
    expectNear({ cx: note.x + (note.w ?? 0) / 2, cy: note.y + (note.h ?? 0) / 2 }, { cx: 640, cy: 320 });
  });
}

test('the eraser dragged across shapes deletes what it touches, and one undo brings them back', async ({
  page,
  relay,
}) => {
  const { canvas } = await openBoard(page, relay.url, 'eraser');
  await canvas.drawRectangle([60, 60], [220, 160]);
  await canvas.chooseTool('Ellipse', 'key');
  await canvas.drag([300, 60], [440, 160]);
  await canvas.chooseTool('Line', 'key');
  await canvas.drag([520, 60], [660, 160]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '3');

  await canvas.chooseTool('Eraser', 'key');
  await canvas.drag([40, 110], [480, 110], 12); // across the rectangle's sides and the ellipse, short of the line
  await expect.poll(() => canvas.shapeTypes()).toEqual(['line']);
  await expect(canvas.tool('Eraser')).toHaveAttribute('aria-pressed', 'true'); // the eraser stays, like the pen

  await page.keyboard.press('Control+z');
  await expect.poll(() => canvas.shapeTypes()).toEqual(['rect', 'ellipse', 'line']);

  await canvas.chooseTool('Select', 'button');
  await canvas.chooseTool('Eraser', 'button');
  await canvas.drag([580, 70], [600, 180]); // across the line only, starting below the floating toolbar
  await expect.poll(() => canvas.shapeTypes()).toEqual(['rect', 'ellipse']);
});

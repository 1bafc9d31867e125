import { expect, test } from './fixtures';
import { openBoard } from './pages/open-board';

test('under 700 px wide the chrome is compact: tools along the bottom, style behind a button, the title whole', async ({
  page,
  relay,
}) => {
  await page.setViewportSize({ width: 600, height: 500 });
  const { canvas, style, board } = await openBoard(page, relay.url, 'compact-chrome');
  const toolbar = page.getByRole('toolbar', { name: 'Tools' });
  const toolbarBox = (await toolbar.boundingBox())!;
  const canvasBox = (await canvas.canvas.boundingBox())!;
  // The tools float at the bottom of the canvas; everything above the canvas is the one-line header.
  expect(toolbarBox.y + toolbarBox.height).toBeGreaterThan(canvasBox.y + canvasBox.height - 16);
  expect(canvasBox.y / 500).toBeLessThan(0.12);
  await expect(page.getByTestId('board-title')).toHaveText('Untitled board');
  const title = (await page.getByTestId('board-title').boundingBox())!;
  expect(title.width).toBeGreaterThan(60);
  await expect(board.status).toHaveText('Saved');

  // The style panel folds behind its button, and opens over the canvas.
  await expect(style.panel).toBeHidden();
  await page.getByRole('button', { name: 'Style', exact: true }).click();
  await expect(style.panel).toBeVisible();
  await style.stroke('Red').click();
  await page.getByRole('button', { name: 'Style', exact: true }).click();
  await expect(style.panel).toBeHidden();
  await canvas.drawRectangle([100, 100], [250, 200], 'key');
  expect((await canvas.shapes())[0]?.stroke).toBe('#e03131');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 600, height: 800 } });

  test('every button of the chrome is at least 44 px', async ({ page, relay }) => {
    await openBoard(page, relay.url, 'coarse-targets');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const buttons = page.locator('.easel-overlay button:visible');
    expect(await buttons.count()).toBeGreaterThan(10);
    for (const box of await buttons.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
    )) {
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
  });
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 700 } });

  test('the header shows the whole board title, and what does not fit scrolls into reach', async ({ page, relay }) => {
    await openBoard(page, relay.url, 'phone-header', 'Ann');
    const title = page.getByTestId('board-title');
    await expect(title).toHaveText('Untitled board');
    expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    const file = page.getByRole('button', { name: 'File', exact: true });
    await file.scrollIntoViewIfNeeded();
    await file.click();
    await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
  });
});

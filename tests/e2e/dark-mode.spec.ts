import { decodePng } from '../support/png';
import { expect, test } from './fixtures';
import { boardBackground, canvasPixel } from './pages/canvas-pixels';
import { FileMenu } from './pages/file-menu';
import { openBoard } from './pages/open-board';

const brightness = (rgb: ArrayLike<number>) => ((rgb[0] ?? 0) + (rgb[1] ?? 0) + (rgb[2] ?? 0)) / 3;

test('the board follows the OS into dark mode: a black stroke reads light, the doc keeps black', async ({
  page,
  relay,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { canvas } = await openBoard(page, relay.url, 'dark-os');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await boardBackground(page)).toBe('rgb(18, 18, 18)');
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');

  await canvas.drawRectangle([100, 100], [240, 200]);
  await page.keyboard.press('Escape'); // no selection outline over the stroke
  const [id] = await canvas.order();
  expect((await canvas.shape(id!)).stroke).toBe('#1e1e1e');
  await expect.poll(async () => brightness(await canvasPixel(page, 170, 100))).toBeGreaterThan(200);

  // The OS going light takes the page along while nobody picked a theme here.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => brightness(await canvasPixel(page, 170, 100))).toBeLessThan(80);
});

test('View › Dark mode is remembered on this device; exports stay light unless a dark PNG is asked for', async ({
  page,
  relay,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const { canvas } = await openBoard(page, relay.url, 'dark-toggle');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await canvas.ready();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await canvas.drawRectangle([100, 100], [240, 200]);
  await page.keyboard.press('Escape');
  const file = new FileMenu(page);
  const { bytes } = await file.download('Export PNG', 'Control+Shift+E');
  const png = decodePng(bytes);
  // White background and a dark outline, as in the light theme.
  expect(Array.from(png.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  const y = Math.round(png.height / 2);
  let darkest = 255;
  for (let x = 0; x < png.width; x++)
    darkest = Math.min(darkest, brightness(png.rgba.subarray((y * png.width + x) * 4)));
  expect(darkest).toBeLessThan(80);

  // Asked for, the PNG is dark: the dark page colour behind a light outline.
  const dark = decodePng((await file.download('Export PNG (dark)')).bytes);
  expect(Array.from(dark.rgba.subarray(0, 4))).toEqual([18, 18, 18, 255]);
  let lightest = 0;
  for (let x = 0; x < dark.width; x++)
    lightest = Math.max(lightest, brightness(dark.rgba.subarray((y * dark.width + x) * 4)));
  expect(lightest).toBeGreaterThan(180);
});

import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { CanvasPage } from './pages/canvas-page';

test('the native menu lists the board’s actions with their shortcuts and runs the one chosen', async ({
  desktop,
  page,
}) => {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await desktop.openBoard('desk-menu');
  await expect(board.status).toHaveText('Saved');
  await expect
    .poll(() => desktop.menuTemplate()?.find((item) => item.id === 'edit.undo'))
    .toMatchObject({
      label: 'Undo',
      accelerator: 'CmdOrCtrl+Z',
      enabled: false,
      group: 'edit',
    });
  const groups = new Set(desktop.menuTemplate()?.map((item) => item.group));
  expect([...groups].sort()).toEqual(['arrange', 'edit', 'file', 'tools', 'view']);

  await canvas.drawRectangle([100, 100], [220, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect.poll(() => desktop.menuTemplate()?.find((item) => item.id === 'edit.undo')?.enabled).toBe(true);
  desktop.chooseMenu('edit.undo');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');

  desktop.chooseMenu('tools.pen');
  await expect(canvas.tool('Pen')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => desktop.menuTemplate()?.find((item) => item.id === 'tools.pen')?.checked).toBe(true);
});

test('the menu is re-sent when what it shows changes, not on every move', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  await desktop.openBoard('desk-menu-quiet');
  await expect.poll(() => desktop.menuTemplatesSent()).toBeGreaterThan(0);
  const before = desktop.menuTemplatesSent();
  for (let step = 0; step < 20; step++) await canvas.hover([100 + step * 10, 200]);
  await page.waitForTimeout(300);
  expect(desktop.menuTemplatesSent()).toBe(before);
});

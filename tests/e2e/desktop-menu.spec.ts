import { expect, test } from './desktop-fixtures';
import { BoardPage } from './pages/board-page';
import { BoardTitle } from './pages/boards-home-page';
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
  expect([...groups].sort()).toEqual(['arrange', 'edit', 'file', 'help', 'tools', 'view']);
  // Help › Keyboard shortcuts comes from the registry too, and opens the dialog the ? key opens.
  expect(desktop.menuTemplate()?.find((item) => item.id === 'help.shortcuts')).toMatchObject({
    label: 'Keyboard shortcuts',
    group: 'help',
  });
  desktop.chooseMenu('help.shortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

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

test('Edit › Undo undoes the typing in a focused text field, and the board otherwise', async ({ desktop, page }) => {
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await desktop.openBoard('desk-menu-text-undo');
  await canvas.drawRectangle([100, 100], [220, 180]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect.poll(() => desktop.menuTemplate()?.find((item) => item.id === 'edit.undo')?.enabled).toBe(true);

  await title.title.click();
  await title.input.pressSequentially('Retro');
  desktop.chooseMenu('edit.undo');
  await expect(title.input).toHaveValue('');
  desktop.chooseMenu('edit.redo');
  await expect(title.input).toHaveValue('Retro');
  desktop.chooseMenu('edit.selectAll');
  expect(await title.input.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0, 5,
  ]);
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await title.input.press('Escape');
  desktop.chooseMenu('edit.undo');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
});

test('Edit › Copy and Cut (roles) copy the selected shapes, or the text of a focused field', async ({
  desktop,
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: desktop.origin });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await desktop.openBoard('desk-menu-roles');
  await canvas.drawRectangle([100, 100], [220, 180]);
  const [shape] = await canvas.shapes();

  expect(await desktop.chooseEditRole('copy')).toBe(true);
  await expect.poll(clipboard).toContain(`"id":"${shape!.id}"`);

  await title.title.click();
  await title.input.fill('Team retro');
  await title.input.selectText();
  await desktop.chooseEditRole('copy');
  await expect.poll(clipboard).toBe('Team retro');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');

  await title.input.press('Escape');
  await desktop.chooseEditRole('cut');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '0');
  await expect.poll(clipboard).toContain(`"id":"${shape!.id}"`);
});

import { createDefaultActions, formatShortcut } from '../../renderer/actions';
import { appliesTo } from '../../renderer/actions/keys';
import { expect, test } from './fixtures';
import { Help } from './pages/help';
import { openBoard } from './pages/open-board';

test('? opens a shortcuts dialog that lists every action with a key, from the actions registry', async ({
  page,
  relay,
}) => {
  await openBoard(page, relay.url, 'help-dialog');
  const help = new Help(page);
  await page.keyboard.press('Shift+Slash'); // '?' on a US layout
  await expect(help.dialog).toBeVisible();

  const withKeys = createDefaultActions()
    .all()
    .filter((action) => action.shortcuts.some((shortcut) => appliesTo(shortcut, false)));
  await expect(help.dialog.locator('tr[data-action]')).toHaveCount(withKeys.length);
  for (const action of withKeys) {
    const keys = action.shortcuts
      .filter((shortcut) => appliesTo(shortcut, false))
      .map((key) => formatShortcut(key, false));
    await expect(help.row(action.id).getByRole('rowheader')).toHaveText(action.label);
    await expect(help.row(action.id).locator('kbd')).toHaveText(keys);
  }
  for (const group of ['Tools', 'Edit', 'Arrange', 'View', 'File', 'Help']) {
    await expect(help.dialog.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }

  // Keys in the dialog do not reach the board behind it; Esc closes it.
  await page.keyboard.press('r');
  await page.keyboard.press('Escape');
  await expect(help.dialog).toBeHidden();
  await expect(
    page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Select', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  // The button in the corner and F1 open it too.
  await help.button.click();
  await expect(help.dialog).toBeVisible();
  await help.close.click();
  await expect(help.dialog).toBeHidden();
  await page.keyboard.press('F1');
  await expect(help.dialog).toBeVisible();
});

test('an empty board shows light hints that go away with the first shape', async ({ page, relay }) => {
  const { canvas } = await openBoard(page, relay.url, 'help-hints');
  const help = new Help(page);
  await expect(help.hints).toBeVisible();
  await expect(help.hints).toContainText('Pick a tool');
  await expect(help.hints).toContainText('?');
  // The hints take no click: a rectangle drawn right across them is drawn.
  const box = await canvas.canvas.boundingBox();
  const [cx, cy] = [box!.width / 2, box!.height / 2];
  await canvas.drawRectangle([cx - 100, cy - 40], [cx + 100, cy + 40], 'key');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
  await expect(help.hints).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(help.hints).toBeVisible();
});

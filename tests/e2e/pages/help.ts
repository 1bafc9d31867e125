import type { Locator, Page } from '@playwright/test';

/** The keyboard shortcuts dialog (renderer/ui/ShortcutsDialog.tsx), its button, and the empty board's hints. */
export class Help {
  readonly dialog: Locator;
  readonly button: Locator;
  readonly close: Locator;
  readonly hints: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.button = page.getByRole('group', { name: 'Help' }).getByRole('button', { name: 'Keyboard shortcuts' });
    this.close = this.dialog.getByRole('button', { name: 'Close' });
    this.hints = page.getByTestId('empty-board-hints');
  }

  /** The dialog's row for an action: its label, then its keys. */
  row(actionId: string): Locator {
    return this.dialog.locator(`tr[data-action="${actionId}"]`);
  }
}

import type { Locator, Page } from '@playwright/test';

/** The desktop app's update bar along the bottom of any screen (renderer/desktop/updates/UpdateNotice.tsx). */
export class UpdateNoticePage {
  /** "Easel 1.2.0 is ready to install.", "Waiting for your changes to be saved…", "Restarting to update…". */
  readonly notice: Locator;
  readonly restart: Locator;

  constructor(page: Page) {
    this.notice = page.getByTestId('update-notice');
    this.restart = this.notice.getByRole('button', { name: 'Restart to update' });
  }
}

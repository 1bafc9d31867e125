import type { Locator, Page } from '@playwright/test';

/** A board in the browser client: its id, the signed-in name, and the save status. */
export class BoardPage {
  readonly status: Locator;
  readonly homeLink: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByRole('status');
    this.homeLink = page.getByRole('link', { name: 'All boards' });
  }

  /** Opens the board with the read-only test hook on (`?e2e=1`, renderer/app/test-hook.ts). */
  async open(relayUrl: string, boardId: string, name?: string): Promise<void> {
    const query = new URLSearchParams({ e2e: '1' });
    if (name !== undefined) query.set('name', name);
    await this.page.goto(`${relayUrl}/b/${boardId}?${query}`);
  }

  boardIdFromUrl(): string {
    const match = /\/b\/([A-Za-z0-9_-]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a board page: ${this.page.url()}`);
    return match[1];
  }

  shows(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }
}

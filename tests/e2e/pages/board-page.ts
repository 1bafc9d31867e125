import type { Locator, Page } from '@playwright/test';

/** A board in the browser client: its id, the signed-in name, and the save status. */
export class BoardPage {
  readonly status: Locator;
  readonly homeLink: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByRole('status');
    this.homeLink = page.getByRole('link', { name: 'All boards' });
  }

  async open(relayUrl: string, boardId: string, name?: string): Promise<void> {
    const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
    await this.page.goto(`${relayUrl}/b/${boardId}${query}`);
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

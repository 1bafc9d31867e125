import type { Locator, Page } from '@playwright/test';

/** The browser client's home screen: "New board" and the recent boards. */
export class HomePage {
  readonly newBoardButton: Locator;
  readonly recentBoards: Locator;

  constructor(private readonly page: Page) {
    this.newBoardButton = page.getByRole('button', { name: 'New board' });
    this.recentBoards = page.getByRole('listitem');
  }

  async open(relayUrl: string): Promise<void> {
    await this.page.goto(`${relayUrl}/`);
  }

  recentBoard(boardId: string): Locator {
    return this.page.getByRole('link', { name: boardId });
  }
}

import type { Locator, Page } from '@playwright/test';

/** The browser client's home screen: "New board" and the boards this browser opened lately. */
export class HomePage {
  readonly newBoardButton: Locator;
  readonly recentBoards: Locator;

  constructor(private readonly page: Page) {
    this.newBoardButton = page.getByRole('button', { name: 'New board' });
    this.recentBoards = page.getByTestId('recent-boards').getByRole('listitem');
  }

  async open(relayUrl: string): Promise<void> {
    await this.page.goto(`${relayUrl}/`);
  }

  /** A board's entry: its name (or "Untitled board" and its id), and when it was last opened. */
  recentBoard(boardIdOrName: string): Locator {
    return this.recentBoards.filter({ hasText: boardIdOrName });
  }
}

import type { Locator, Page } from '@playwright/test';

/** The desktop app's "Join a session" screen. */
export class JoinScreen {
  readonly screen: Locator;
  readonly linkField: Locator;
  readonly tokenField: Locator;
  readonly joinButton: Locator;
  readonly problem: Locator;
  readonly tokenPrompt: Locator;
  readonly backToMyBoards: Locator;
  readonly discovered: Locator;
  readonly recent: Locator;

  constructor(private readonly page: Page) {
    this.screen = page.getByTestId('join-screen');
    this.linkField = page.getByLabel('Join link or address');
    this.tokenField = page.getByLabel(/^Token/);
    this.joinButton = page.getByTestId('join-submit');
    this.problem = page.getByTestId('join-problem');
    this.tokenPrompt = page.getByTestId('join-token-prompt');
    this.backToMyBoards = page.getByRole('button', { name: 'Back to my boards' });
    this.discovered = page.getByTestId('join-discovered-session');
    this.recent = page.getByTestId('join-recent-entry');
  }

  /** From the home screen, as a person gets there. */
  async openFromHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Join a session' }).click();
    await this.screen.waitFor();
  }

  async join(link: string, token = ''): Promise<void> {
    await this.linkField.fill(link);
    await this.tokenField.fill(token);
    await this.joinButton.click();
  }

  discoveredSession(name: string): Locator {
    return this.discovered.filter({ hasText: name });
  }

  recentEntry(text: string): Locator {
    return this.recent.filter({ hasText: text });
  }
}

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
  /** What a join link from outside the app shows first: the relay and board, Join / Cancel. */
  readonly confirm: Locator;
  readonly confirmRelay: Locator;
  readonly confirmBoard: Locator;
  readonly confirmJoin: Locator;
  readonly confirmCancel: Locator;
  /** "Checking …" while the relay is probed, "Joining …" after. */
  readonly progress: Locator;

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
    this.confirm = page.getByRole('alertdialog', { name: 'Join this session?' });
    this.confirmRelay = page.getByTestId('join-confirm-relay');
    this.confirmBoard = page.getByTestId('join-confirm-board');
    this.confirmJoin = this.confirm.getByRole('button', { name: 'Join', exact: true });
    this.confirmCancel = this.confirm.getByRole('button', { name: 'Cancel' });
    this.progress = page.getByTestId('join-progress');
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

  /**
   * Whether the page answers a script within `timeoutMs`: a page stuck in a
   * render or navigation loop never does, and `page.evaluate` alone would
   * wait for it until the test's timeout.
   */
  async responds(timeoutMs = 2_000): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.page.evaluate(() => true), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  discoveredSession(name: string): Locator {
    return this.discovered.filter({ hasText: name });
  }

  recentEntry(text: string): Locator {
    return this.recent.filter({ hasText: text });
  }
}

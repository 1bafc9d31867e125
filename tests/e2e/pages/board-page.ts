import type { Locator, Page } from '@playwright/test';

/** A board in the browser client: its id, the signed-in name, and the save status. */
export class BoardPage {
  /** What the save indicator says ("Saved", "Saving… (2)", "Offline — 1 change will sync"…). */
  readonly status: Locator;
  /** Its second line: the next retry, or why the relay refused us. */
  readonly statusDetail: Locator;
  readonly retryNow: Locator;
  readonly homeLink: Locator;
  /** "View only", beside the title, while the relay lets this person only look. */
  readonly viewOnly: Locator;
  /** The banner saying the relay ended this person's access (a Remove, an expiry). */
  readonly accessEnded: Locator;
  /** "Copy link" in the header (browser client only); it reads "Copied" for a moment after a copy. */
  readonly copyLink: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId('save-status');
    this.statusDetail = page.getByTestId('save-status-detail');
    this.retryNow = page.getByRole('button', { name: 'Retry now' });
    this.homeLink = page.getByRole('link', { name: 'All boards' });
    this.viewOnly = page.getByTestId('view-only');
    this.accessEnded = page.getByTestId('access-ended');
    this.copyLink = page.locator('header').getByRole('button', { name: /^(Copy link|Copied)$/ });
  }

  /** Opens the board with the read-only test hook on (`?e2e=1`, renderer/app/test-hook.ts). */
  async open(relayUrl: string, boardId: string, name?: string): Promise<void> {
    const query = new URLSearchParams({ e2e: '1' });
    if (name !== undefined) query.set('name', name);
    await this.page.goto(`${relayUrl}/b/${boardId}?${query}`);
  }

  /** Waits until the service worker that keeps the page for reloads while the relay is down is active. */
  async waitUntilAvailableOffline(timeoutMs = 10_000): Promise<void> {
    const ready = await this.page.evaluate((ms) => {
      // Typed by hand: tests are also type-checked without the DOM lib.
      const { navigator } = globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } };
      return Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]);
    }, timeoutMs);
    if (!ready) throw new Error(`no active service worker after ${timeoutMs} ms`);
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

import type { Page } from '@playwright/test';

/** The page-side recorder's global, typed by hand: tests are also type-checked without the DOM lib. */
interface RecorderWindow {
  __easelStatusLog?: string[];
  document: { body: unknown; querySelector(selector: string): { textContent: string | null } | null };
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { subtree: boolean; childList: boolean; characterData: boolean }): void;
  };
}

/**
 * Every label the save indicator shows, in order, recorded in the page as it
 * changes (a MutationObserver), so a test can tell that a label never showed,
 * not only what it says when the test looks.
 */
export class StatusLog {
  constructor(private readonly page: Page) {}

  /** Starts (or restarts) recording from the label shown now. */
  async start(): Promise<void> {
    await this.page.evaluate(() => {
      const page = globalThis as unknown as RecorderWindow;
      const log: string[] = [];
      page.__easelStatusLog = log;
      const record = () => {
        const label = page.document.querySelector('[data-testid="save-status"]')?.textContent ?? '(none)';
        if (page.__easelStatusLog === log && log[log.length - 1] !== label) log.push(label);
      };
      record();
      new page.MutationObserver(record).observe(page.document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
  }

  /** The labels shown since start(), consecutive repeats folded. */
  async labels(): Promise<string[]> {
    return this.page.evaluate(() => [...((globalThis as unknown as RecorderWindow).__easelStatusLog ?? [])]);
  }
}

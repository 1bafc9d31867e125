import type { Browser, BrowserContext } from '@playwright/test';
import { type OpenBoard, openBoard } from './open-board';
import { PresencePage } from './presence-page';

/** One person on a board: their page objects and their own browser context (own storage, own network). */
export interface Person extends OpenBoard {
  context: BrowserContext;
  presence: PresencePage;
}

/**
 * Opens `boardId` for one person in a new browser context; `name` undefined
 * uses their remembered identity; `screen` sizes their window.
 */
export async function joinAs(
  browser: Browser,
  relayUrl: string,
  boardId: string,
  name?: string,
  screen?: { width: number; height: number },
): Promise<Person> {
  const context = await browser.newContext(screen ? { viewport: screen } : {});
  const opened = await openBoard(await context.newPage(), relayUrl, boardId, name);
  return { ...opened, context, presence: new PresencePage(opened.page) };
}

/**
 * Ann and Bob on one board, each in their own browser context, and each
 * already seeing the other in the participants list.
 */
export async function annAndBob(browser: Browser, relayUrl: string, boardId: string) {
  const [ann, bob] = await Promise.all([
    joinAs(browser, relayUrl, boardId, 'Ann'),
    joinAs(browser, relayUrl, boardId, 'Bob'),
  ]);
  await Promise.all([ann.presence.participant('Bob').waitFor(), bob.presence.participant('Ann').waitFor()]);
  return { ann, bob, close: () => Promise.all([ann.context.close(), bob.context.close()]) };
}

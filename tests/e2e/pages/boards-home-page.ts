import { expect, type Locator, type Page } from '@playwright/test';

export interface PickedBoardFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The desktop home screen (the relay's catalog, opened with the host token): board cards, trash, Undo. */
export class BoardsHomePage {
  readonly newBoardButton: Locator;
  readonly openFileButton: Locator;
  readonly cards: Locator;
  readonly trashItems: Locator;
  readonly undoToast: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.newBoardButton = page.getByTestId('new-board');
    this.openFileButton = page.getByTestId('open-board-file');
    this.cards = page.getByTestId('board-card');
    this.trashItems = page.getByTestId('trash-item');
    this.undoToast = page.getByTestId('undo-toast');
    this.error = page.getByTestId('home-error');
  }

  async open(relayUrl: string, hostToken: string): Promise<void> {
    await this.page.goto(`${relayUrl}/?${new URLSearchParams({ t: hostToken, e2e: '1' })}`);
    await expect(this.newBoardButton).toBeVisible();
  }

  card(boardId: string): Locator {
    return this.page.locator(`[data-testid="board-card"][data-board-id="${boardId}"]`);
  }

  nameOf(boardId: string): Locator {
    return this.card(boardId).getByTestId('board-card-name');
  }

  thumbnailOf(boardId: string): Locator {
    return this.card(boardId).getByTestId('board-card-thumbnail');
  }

  trashItem(boardId: string): Locator {
    return this.page.locator(`[data-testid="trash-item"][data-board-id="${boardId}"]`);
  }

  /** The ids of the listed boards, in the order shown. */
  async boardIds(): Promise<string[]> {
    return this.cards.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-board-id') ?? ''));
  }

  async rename(boardId: string, name: string): Promise<void> {
    await this.card(boardId).getByTestId('board-card-rename').click();
    const input = this.card(boardId).getByTestId('board-card-name-input');
    await input.fill(name);
    await input.press('Enter');
  }

  async delete(boardId: string): Promise<void> {
    await this.card(boardId).getByTestId('board-card-delete').click();
  }

  async undoDelete(): Promise<void> {
    await this.undoToast.getByTestId('undo-delete').click();
  }

  async restore(boardId: string): Promise<void> {
    await this.trashItem(boardId).getByTestId('restore-board').click();
  }

  async openBoard(boardId: string): Promise<void> {
    await this.nameOf(boardId).click();
  }

  /** "Open a file…" and pick `file` in the web platform's file chooser. */
  async openFile(file: PickedBoardFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.openFileButton.click();
    await (await chooser).setFiles(file);
  }
}

/** The board's name in its header: click to edit, Enter saves, Escape cancels. */
export class BoardTitle {
  readonly title: Locator;
  readonly input: Locator;

  constructor(page: Page) {
    this.title = page.getByTestId('board-title');
    this.input = page.getByTestId('board-title-input');
  }

  async rename(name: string, confirmKey: 'Enter' | 'Escape' = 'Enter'): Promise<void> {
    await this.title.click();
    await this.input.fill(name);
    await this.input.press(confirmKey);
  }
}

import { expect, type Page } from '@playwright/test';
import { BoardPage } from './board-page';
import { CanvasPage } from './canvas-page';
import { StylePanel } from './style-panel';

export interface OpenBoard {
  page: Page;
  board: BoardPage;
  canvas: CanvasPage;
  style: StylePanel;
}

/** Opens a board, waits until the relay has it saved and the canvas answers, and hands back its page objects. */
export async function openBoard(page: Page, relayUrl: string, boardId: string, name?: string): Promise<OpenBoard> {
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  await board.open(relayUrl, boardId, name);
  await expect(board.status).toHaveText('Saved');
  await canvas.ready();
  return { page, board, canvas, style: new StylePanel(page) };
}

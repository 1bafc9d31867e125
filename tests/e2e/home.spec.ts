import { encodeBoardFile } from '../../shared/model/board-file';
import { exampleShapes } from '../../shared/model/shapes/examples';
import { expect, test } from './fixtures';
import { BoardPage } from './pages/board-page';
import { BoardsHomePage, BoardTitle } from './pages/boards-home-page';
import { CanvasPage } from './pages/canvas-page';

/** The relay runs as the desktop host's does: with a host token, which opens its board catalog. */
const HOST_TOKEN = 'e2e-host-token-0123456789';
test.use({ relayArgs: ['--host-token', HOST_TOKEN] });

/** From home: New board, wait until the relay stores it, and hand back its id. */
async function newBoard(home: BoardsHomePage, board: BoardPage, canvas: CanvasPage): Promise<string> {
  await home.newBoardButton.click();
  await expect(board.status).toHaveText('Saved');
  await canvas.ready();
  return board.boardIdFromUrl();
}

test('lists the boards on this machine; renames from home and from the board header', async ({ page, relay }) => {
  const home = new BoardsHomePage(page);
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await home.open(relay.url, HOST_TOKEN);

  const first = await newBoard(home, board, canvas);
  await expect(title.title).toHaveText('Untitled board');
  await title.rename('Throwaway', 'Escape');
  await expect(title.title).toHaveText('Untitled board');
  await title.rename('Roadmap');
  await expect(title.title).toHaveText('Roadmap');
  await canvas.drawRectangle([80, 80], [200, 160]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();

  const second = await newBoard(home, board, canvas);
  await canvas.drawRectangle([100, 100], [260, 220]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();

  await expect(home.cards).toHaveCount(2);
  expect(await home.boardIds()).toEqual([second, first]);
  await expect(home.nameOf(first)).toHaveText('Roadmap');
  await expect(home.nameOf(second)).toHaveText('Untitled board');
  await expect(home.card(second).getByTestId('board-card-updated')).toHaveText(/edited (just now|1 min ago)/);
  // Leaving a board right after drawing saves its thumbnail; home shows it once it lands.
  await expect(home.thumbnailOf(second)).toBeVisible({ timeout: 15_000 });

  await home.rename(second, 'Sprint retro');
  await expect(home.nameOf(second)).toHaveText('Sprint retro');
  await home.openBoard(second);
  await expect(title.title).toHaveText('Sprint retro');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('a deleted board comes back with Undo or from Recently deleted', async ({ page, relay }) => {
  const home = new BoardsHomePage(page);
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await home.open(relay.url, HOST_TOKEN);
  const kept = await newBoard(home, board, canvas);
  await title.rename('Keeper');
  await board.homeLink.click();
  const doomed = await newBoard(home, board, canvas);
  await title.rename('Doomed');
  await canvas.drawRectangle([80, 80], [200, 160]);
  await expect(board.status).toHaveText('Saved');
  await board.homeLink.click();
  await expect(home.cards).toHaveCount(2);

  await home.delete(doomed);
  await expect(home.card(doomed)).toHaveCount(0);
  await expect(home.undoToast).toContainText('Deleted “Doomed”.');
  await expect(home.trashItem(doomed)).toContainText('Doomed');
  await home.undoDelete();
  await expect(home.card(doomed)).toBeVisible();
  await expect(home.trashItems).toHaveCount(0);
  await expect(home.undoToast).toHaveCount(0);

  await home.delete(doomed);
  await expect(home.card(doomed)).toHaveCount(0);
  // After a reload the toast is gone, but Recently deleted still has it.
  await home.open(relay.url, HOST_TOKEN);
  await expect(home.undoToast).toHaveCount(0);
  expect(await home.boardIds()).toEqual([kept]);
  await home.restore(doomed);
  await expect(home.nameOf(doomed)).toHaveText('Doomed');
  await expect(home.trashItems).toHaveCount(0);
  await home.openBoard(doomed);
  await expect(board.status).toHaveText('Saved');
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', '1');
});

test('opening a board file from home makes a new board with its shapes and name', async ({ page, relay }) => {
  const home = new BoardsHomePage(page);
  const board = new BoardPage(page);
  const canvas = new CanvasPage(page);
  const title = new BoardTitle(page);
  await home.open(relay.url, HOST_TOKEN);

  await home.openFile({ name: 'broken.easel', mimeType: 'application/json', buffer: Buffer.from('{nope') });
  await expect(home.error).toContainText('Could not open “broken.easel”');
  await expect(home.cards).toHaveCount(0);

  const shapes = exampleShapes().slice(0, 3);
  const file = encodeBoardFile(shapes, { name: 'Workshop' });
  await home.openFile({ name: 'workshop.easel', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(board.status).toHaveText('Saved');
  await canvas.ready();
  await expect(canvas.canvas).toHaveAttribute('data-shape-count', String(shapes.length));
  await expect(title.title).toHaveText('Workshop');
  const opened = board.boardIdFromUrl();
  await board.homeLink.click();
  await expect(home.nameOf(opened)).toHaveText('Workshop');
});

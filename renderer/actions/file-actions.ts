/**
 * Export and board files (docs/ARCHITECTURE.md#actions, group 'file'): PNG, SVG and PDF of
 * the selection or, with nothing selected, the whole board; the board saved as a
 * `.easel` file (shared/model/board-file.ts), and one opened into it.
 *
 * Opening adds the file's shapes to the board you are on, as one change
 * (one undo step), with fresh ids and z-order keys above everything there,
 * at the positions they were saved at. Into this board rather than a new
 * one: Ctrl+Z takes an import back at once, the people on the board see it
 * arrive, and whoever wants the file on its own opens it from a new board.
 *
 * These commands wait for dialogs and the renderer, so they return promises.
 * They do not reject for what can go wrong in normal use (a bad file, a
 * refused canvas): the user is told through `ctx.notify`, and the board is
 * left exactly as it was.
 */
import * as Y from 'yjs';
import {
  BOARD_FILE_EXTENSION,
  boardFileTooLarge,
  decodeBoardFile,
  encodeBoardFile,
  type Shape,
  compareZOrder,
} from '../../shared/model';
import { MAX_UPDATE_BYTES } from '../../shared/protocol';
import { boxesIntersect, visibleBox } from '../canvas/viewport-math';
import { BoardDoc, type ShapeInput } from '../doc';
// The files, not the barrel: ../export/index.ts also holds the browser-only PNG painter.
import { NothingToExportError } from '../export/frame';
import { framePages, PDF_MIME_TYPE, type PdfPage, shapesPage } from '../export/pdf-plan';
import { shapesToSvg } from '../export/svg';
import { failureNotice } from '../state/notices';
import type { Theme } from '../theme/theme-store';
import type { Action, ActionContext } from './action';
import { boundsCentre, unionBounds } from './bounds';
import { freshCopies, selectWithSelectTool, selectedShapes } from './shape-edits';
import { centredOn } from './view-actions';
import { dataUrls, imageFilesOf } from './image-actions';

export const BOARD_FILE_MIME_TYPE = 'application/json';
/** What the open dialog offers: our files, and JSON in case one was renamed. */
export const BOARD_FILE_ACCEPT = [BOARD_FILE_EXTENSION, '.json', BOARD_FILE_MIME_TYPE] as const;
/** At most this many skipped shapes are named in the notice; the count says how many there were. */
const SKIPPED_SHOWN = 3;

function boardHasShapes(ctx: ActionContext): boolean {
  return ctx.board.all().length > 0;
}

/** The selection when there is one on the board, else every shape; bottom to top. */
function exportScope(ctx: ActionContext): { shapes: Shape[]; part: '' | '-selection' } {
  const selected = selectedShapes(ctx);
  return selected.length > 0 ? { shapes: selected, part: '-selection' } : { shapes: ctx.board.all(), part: '' };
}

/** A file command: `run`'s failures become an error notice naming the command, never a rejection. */
function fileAction({
  run,
  ...fields
}: Omit<Action, 'group' | 'perform'> & { run(ctx: ActionContext): Promise<void> }) {
  const action: Action = {
    ...fields,
    group: 'file',
    async perform(ctx) {
      try {
        await run(ctx);
      } catch (error) {
        ctx.notify(failureNotice(action.label, error));
      }
    },
  };
  return action;
}

/** Exports paint light, whatever the page shows, unless the dark one is asked for. */
async function exportImage(
  ctx: ActionContext,
  format: 'png' | 'svg',
  theme: 'light' | 'dark' = 'light',
): Promise<void> {
  const { shapes, part } = exportScope(ctx);
  if (shapes.length === 0) throw new NothingToExportError();
  const suggestedName = `${ctx.boardName}${part}${theme === 'dark' ? '-dark' : ''}.${format}`;
  const files = await imageFilesOf(ctx, shapes);
  if (format === 'svg') {
    const { svg } = shapesToSvg(shapes, { imageUrls: dataUrls(files) });
    await ctx.files.saveFile({ suggestedName, mimeType: 'image/svg+xml', data: svg });
  } else {
    const data = await ctx.exporter.renderPng(shapes, theme, undefined, files);
    await ctx.files.saveFile({ suggestedName, mimeType: 'image/png', data });
  }
}

const exportPng = fileAction({
  id: 'file.exportPng',
  label: 'Export PNG',
  shortcuts: [{ key: 'e', mod: true, shift: true }],
  enabled: boardHasShapes,
  run: (ctx) => exportImage(ctx, 'png'),
});

const exportPngDark = fileAction({
  id: 'file.exportPngDark',
  label: 'Export PNG (dark)',
  shortcuts: [],
  enabled: boardHasShapes,
  run: (ctx) => exportImage(ctx, 'png', 'dark'),
});

const exportSvg = fileAction({
  id: 'file.exportSvg',
  label: 'Export SVG',
  shortcuts: [],
  enabled: boardHasShapes,
  run: (ctx) => exportImage(ctx, 'svg'),
});

/** The PDF code itself loads only now (ctx.exporter). */
async function exportPdf(ctx: ActionContext, pages: PdfPage[], part: string, theme: Theme = 'light'): Promise<void> {
  const files = await imageFilesOf(
    ctx,
    pages.flatMap((page) => page.shapes),
  );
  const data = await ctx.exporter.renderPdf(pages, {
    title: ctx.boardName,
    ...(theme === 'dark' && { theme }),
    ...(files.length > 0 && { imageUrls: dataUrls(files) }),
  });
  const suggestedName = `${ctx.boardName}${part}${theme === 'dark' ? '-dark' : ''}.pdf`;
  await ctx.files.saveFile({ suggestedName, mimeType: PDF_MIME_TYPE, data });
}

const exportPdfPage = fileAction({
  id: 'file.exportPdf',
  label: 'Export PDF',
  shortcuts: [],
  enabled: boardHasShapes,
  run(ctx) {
    const { shapes, part } = exportScope(ctx);
    return exportPdf(ctx, shapesPage(shapes), part);
  },
});

const exportPdfDark = fileAction({
  id: 'file.exportPdfDark',
  label: 'Export PDF (dark)',
  shortcuts: [],
  enabled: boardHasShapes,
  run(ctx) {
    const { shapes, part } = exportScope(ctx);
    return exportPdf(ctx, shapesPage(shapes), part, 'dark');
  },
});

/** One page per frame: the selected frames when the selection has some, else every frame of the board. */
const exportPdfFrames = fileAction({
  id: 'file.exportPdfFrames',
  label: 'Export PDF of frames',
  shortcuts: [],
  enabled: (ctx) => ctx.board.all().some((shape) => shape.type === 'frame'),
  run(ctx) {
    const board = ctx.board.all();
    const selectedFrames = selectedShapes(ctx).filter((shape) => shape.type === 'frame');
    return exportPdf(ctx, framePages(selectedFrames.length > 0 ? selectedFrames : board, board), '-frames');
  },
});

const saveBoardFile = fileAction({
  id: 'file.save',
  label: 'Save board file',
  // Also keeps the browser's "Save page as" away from the board: the key handler preventDefaults a matched action.
  shortcuts: [{ key: 's', mod: true }],
  enabled: boardHasShapes,
  run: (ctx) => saveBoard(ctx, false),
});

const saveBoardFileAs = fileAction({
  id: 'file.saveAs',
  label: 'Save board file as…',
  shortcuts: [{ key: 's', mod: true, shift: true }],
  enabled: boardHasShapes,
  run: (ctx) => saveBoard(ctx, true),
});

/**
 * The board as a `.easel` file. Where the host keeps real files (the desktop
 * app), Save writes again to the file this board was saved to before and
 * Save As asks; a browser downloads a copy either way.
 */
async function saveBoard(ctx: ActionContext, askWhere: boolean): Promise<void> {
  const shapes = ctx.board.all();
  const data = encodeBoardFile(shapes, { name: ctx.boardName }, await imageFilesOf(ctx, shapes));
  // Never write a file Easel would refuse to open again.
  const tooLarge = boardFileTooLarge(data);
  if (tooLarge) return ctx.notify({ kind: 'error', message: `Not saved: ${tooLarge}.` });
  await ctx.files.saveFile({
    suggestedName: `${ctx.boardName}${BOARD_FILE_EXTENSION}`,
    mimeType: BOARD_FILE_MIME_TYPE,
    data,
    documentKey: `board:${ctx.boardName}`,
    ...(askWhere && { askWhere }),
  });
}

const openBoardFile = fileAction({
  id: 'file.open',
  label: 'Open board file',
  shortcuts: [{ key: 'o', mod: true }],
  async run(ctx) {
    const file = await ctx.files.openFile({ accept: BOARD_FILE_ACCEPT });
    if (file) await openBoardText(ctx, file.name, file.bytes);
  },
});

/**
 * Reads a `.easel` file's bytes and adds its shapes to the board (see the
 * top of this file). Returns the new ids; on a file it cannot use it tells
 * the user why and changes nothing.
 */
async function openBoardText(ctx: ActionContext, name: string, bytes: Uint8Array): Promise<string[]> {
  const refuse = (reason: string) => {
    ctx.notify({ kind: 'error', message: `Could not open “${name}”: ${reason}.` });
    return [];
  };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('this is not an Easel board file (it is not UTF-8 text)');
  }
  const result = decodeBoardFile(text);
  if (!result.ok) return refuse(result.error);
  const { shapes } = result.file;
  const skipped = result.skipped.map((each) => `shapes[${each.index}]: ${each.error}`);
  const skippedList = skipped.slice(0, SKIPPED_SHOWN).join('; ') + (skipped.length > SKIPPED_SHOWN ? '; …' : '');
  if (shapes.length === 0) {
    return refuse(skipped.length === 0 ? 'the file has no shapes' : `none of its shapes is valid (${skippedList})`);
  }
  const copies = freshCopies([...shapes].sort(compareZOrder), () => ctx.board.newId(), { x: 0, y: 0 });
  const size = updateBytes(copies);
  if (size > MAX_UPDATE_BYTES) {
    return refuse(
      `its ${plural(shapes.length, 'shape')} would make one change of ${megabytes(size)} MB, ` +
        `more than the ${megabytes(MAX_UPDATE_BYTES)} MB a relay accepts at once`,
    );
  }
  // Images go through the board's images: their files reach the relay before their shapes are written.
  const images = copies.filter((copy) => copy.type === 'image');
  const ids = importShapes(
    ctx,
    copies.filter((copy) => copy.type !== 'image'),
  );
  if (images.length > 0) {
    if (ctx.images) await ctx.images.insertPlaced(images, result.file.files ?? []);
    else skipped.push(`${plural(images.length, 'image')}: this board cannot add images now`);
  }
  if (skipped.length > 0) {
    ctx.notify({
      kind: 'warning',
      message:
        `Opened “${name}”: added ${plural(shapes.length, 'shape')}; ` +
        `left out ${plural(skipped.length, 'invalid shape')} (${skippedList}).`,
    });
  }
  return ids;
}

/**
 * The size of the Yjs update that adds `copies`, measured on a scratch doc.
 * The relay refuses an update over MAX_UPDATE_BYTES and the sync client
 * would keep offering it, so an import that big is refused up front.
 */
function updateBytes(copies: readonly ShapeInput[]): number {
  const scratch = new BoardDoc(new Y.Doc());
  try {
    scratch.create(copies);
    return Y.encodeStateAsUpdate(scratch.doc).byteLength;
  } finally {
    scratch.destroy();
    scratch.doc.destroy();
  }
}

/** One create (one transaction): on top, in the order given, selected and brought into view. */
function importShapes(ctx: ActionContext, copies: readonly ShapeInput[]): string[] {
  const created = ctx.board.create(copies);
  const ids = created.map((shape) => shape.id);
  selectWithSelectTool(ctx, ids);
  showBounds(ctx, created);
  return ids;
}

/** Centres the view on the shapes, at the same zoom, when none of them is on screen. */
function showBounds(ctx: ActionContext, shapes: readonly Shape[]): void {
  const bounds = unionBounds(shapes);
  const { viewport, setViewport } = ctx.ui.getState();
  const size = ctx.viewportSize();
  if (!bounds || size.width === 0 || boxesIntersect(bounds, visibleBox(viewport, size))) return;
  setViewport(centredOn(ctx, boundsCentre(bounds), viewport.zoom));
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function createFileActions(): Action[] {
  return [
    exportPng,
    exportPngDark,
    exportSvg,
    exportPdfPage,
    exportPdfDark,
    exportPdfFrames,
    saveBoardFile,
    saveBoardFileAs,
    openBoardFile,
  ];
}

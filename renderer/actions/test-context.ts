/**
 * A real ActionContext for tests (and a quick harness): a BoardDoc over a
 * fresh Y.Doc, its BoardUndo, a UiStore, an in-memory clipboard and files,
 * and a stand-in for the browser's rendering. The pointer and canvas size are
 * plain fields the test moves; notices the actions give are kept in order.
 */
import type { Box } from '../shapes';
import * as Y from 'yjs';
import type { EmbeddedFile, RectShape, Shape } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { BoardDoc, BoardUndo, type ShapeInput } from '../doc';
import type { ExportRenderer } from '../export/export-renderer';
import type { PdfOptions, PdfPage } from '../export/pdf-plan';
import type { ImagePort } from '../images/board-images';
import { MemoryFiles } from '../platform/memory';
import type { Notice } from '../state/notices';
import { createUiStore } from '../state/ui-store';
import { createThemeStore } from '../theme/theme-store';
import type { ActionContext, KeyInput, Point, Shortcut, Size } from './action';
import { MemoryClipboard } from './clipboard';

export interface TestContext extends ActionContext {
  clipboard: MemoryClipboard;
  files: MemoryFiles;
  exporter: FakeExportRenderer;
  notices: Notice[];
  pointerAt: Point;
  canvas: Size;
}

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * PNG and PDF export without a browser: a "PNG" that is the signature followed by
 * the ids of the shapes it was asked to paint, which it keeps in `painted`;
 * a "PDF" that is a header and each page's ids, its plan kept in `pdfs`.
 * `failWith` makes the next one fail.
 */
export class FakeExportRenderer implements ExportRenderer {
  readonly painted: string[][] = [];
  /** The theme of each PNG painted, in order. */
  readonly themes: string[] = [];
  /** The box each PNG was framed by, when one was given (a frame's export). */
  readonly views: (Box | undefined)[] = [];
  failWith: Error | null = null;

  /** The pages and options of each PDF asked for, in order. */
  readonly pdfs: { pages: readonly PdfPage[]; options: PdfOptions }[] = [];

  async renderPdf(pages: readonly PdfPage[], options: PdfOptions): Promise<Blob> {
    if (this.failWith) throw this.failWith;
    this.pdfs.push({ pages, options });
    return new Blob(['%PDF-1.3\n', pages.map((page) => page.shapes.map((shape) => shape.id).join(',')).join(';')], {
      type: 'application/pdf',
    });
  }

  /** The image files handed over with each PNG. */
  readonly images: EmbeddedFile[][] = [];

  async renderPng(
    shapes: readonly Shape[],
    theme = 'light',
    view?: Box,
    images: readonly EmbeddedFile[] = [],
  ): Promise<Blob> {
    this.images.push([...images]);
    if (this.failWith) throw this.failWith;
    const ids = shapes.map((shape) => shape.id);
    this.painted.push(ids);
    this.themes.push(theme);
    this.views.push(view);
    return new Blob([PNG_SIGNATURE, ids.join(',')], { type: 'image/png' });
  }
}

export function createTestContext(options: { isMac?: boolean; images?: ImagePort } = {}): TestContext {
  const board = new BoardDoc(new Y.Doc());
  const ctx: TestContext = {
    board,
    undo: new BoardUndo(board),
    ui: createUiStore(),
    clipboard: new MemoryClipboard(),
    files: new MemoryFiles(),
    exporter: new FakeExportRenderer(),
    notices: [],
    notify: (notice) => ctx.notices.push(notice),
    boardName: 'test-board',
    isMac: options.isMac ?? false,
    ...(options.images && { images: options.images }),
    pointerAt: { x: 0, y: 0 },
    canvas: { width: 1000, height: 800 },
    pointer: () => ctx.pointerAt,
    viewportSize: () => ctx.canvas,
    theme: createThemeStore(null, 'light'),
  };
  return ctx;
}

/** A rectangle (120 × 80 at 10, 20 unless overridden) without an index, so the board puts it on top. */
export function rect(id: string, fields: Partial<RectShape> = {}): ShapeInput {
  return { ...exampleShape('rect', { id, ...fields }), index: undefined };
}

/** What a key press of `shortcut` looks like on a US layout. */
export function keyPress(shortcut: Shortcut, isMac: boolean): KeyInput {
  const { key, mod = false, shift = false, alt = false } = shortcut;
  return {
    key: shift && /^[a-z]$/.test(key) ? key.toUpperCase() : key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : undefined,
    metaKey: isMac && mod,
    ctrlKey: !isMac && mod,
    shiftKey: shift,
    altKey: alt,
  };
}

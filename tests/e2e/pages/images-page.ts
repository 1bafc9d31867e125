import type { Locator, Page } from '@playwright/test';
import type { CanvasPoint } from './canvas-page';
import { FileMenu } from './file-menu';

/** A file as the page is handed it (by a drop, a paste or the open dialog). */
export interface ImageFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Adding images to the board the ways a person does, and reading what the canvas shows of them. */
export class ImagesPage {
  readonly canvas: Locator;
  private readonly files: FileMenu;

  constructor(private readonly page: Page) {
    this.canvas = page.getByTestId('board-canvas');
    this.files = new FileMenu(page);
  }

  /** Drops `files` on the canvas at a point relative to its top-left, as a drag from the desktop does. */
  async drop(files: readonly ImageFile[], at: CanvasPoint): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    const transfer = await this.transferOf(files);
    const point = { clientX: box.x + at[0], clientY: box.y + at[1] };
    await this.canvas.dispatchEvent('dragover', { dataTransfer: transfer, ...point });
    await this.canvas.dispatchEvent('drop', { dataTransfer: transfer, ...point });
  }

  /** Pastes `files` as the browser does for Ctrl/Cmd+V of a copied image or file (the canvas focused). */
  async paste(files: readonly ImageFile[]): Promise<void> {
    await this.canvas.focus();
    const transfer = await this.transferOf(files);
    await this.page.evaluate((data) => {
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      (document.activeElement ?? document.body).dispatchEvent(event);
    }, transfer);
  }

  /** File › Insert image…, picking `file` in the open dialog. */
  async insert(file: ImageFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.files.choose('Insert image…');
    await (await chooser).setFiles(file);
  }

  /** The colour the board's canvas shows at a canvas point (device pixel ratio 1). */
  async pixel(at: CanvasPoint): Promise<[number, number, number]> {
    return this.page.evaluate(([x, y]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas');
      const context = canvas?.getContext('2d');
      if (!context) throw new Error('no board canvas');
      const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
      return [r, g, b] as [number, number, number];
    }, at);
  }

  /** The colour at the centre of a PNG's pixels, decoded by the browser. */
  async pngCentre(png: Buffer): Promise<[number, number, number]> {
    return this.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(bitmap, 0, 0);
      const [r = 0, g = 0, b = 0] = context.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data;
      return [r, g, b] as [number, number, number];
    }, png.toString('base64'));
  }

  private transferOf(files: readonly ImageFile[]) {
    const payload = files.map((file) => ({ ...file, base64: file.buffer.toString('base64'), buffer: undefined }));
    return this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
      }
      return transfer;
    }, payload);
  }
}

import type { Locator, Page } from '@playwright/test';
import type { ShapeSummary } from '../../../renderer/app/test-hook';
import type { CanvasPage, CanvasPoint } from './canvas-page';

/**
 * Frames, the frame list, presenting and the laser pointer, driven as a
 * person would: the Frame (F) and Laser (K) keys, the frame list's buttons,
 * F5 and the arrow keys. Board state is read through CanvasPage's test hook.
 */
export class FramesPage {
  readonly list: Locator;
  readonly listButton: Locator;
  /** The presentation bar's "Frame name (n / m)". */
  readonly presented: Locator;
  /** "Ann is presenting — Follow", shown to the others while someone presents. */
  readonly presentingOffer: Locator;

  constructor(
    private readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {
    this.list = page.getByTestId('frame-list');
    this.listButton = page.getByRole('button', { name: 'Frame list', exact: true });
    this.presented = page.getByTestId('presented-frame');
    this.presentingOffer = page.getByTestId('presenting-offer');
  }

  /** Draws a frame by dragging with the Frame tool (F); returns it. */
  async drawFrame(from: CanvasPoint, to: CanvasPoint): Promise<ShapeSummary> {
    const before = new Set((await this.canvas.shapes()).map((shape) => shape.id));
    await this.canvas.canvas.focus();
    await this.page.keyboard.press('f');
    await this.canvas.drag(from, to);
    const made = (await this.canvas.shapes()).find((shape) => shape.type === 'frame' && !before.has(shape.id));
    if (!made) throw new Error('no frame was drawn');
    return made;
  }

  /** Where a frame's name sits on screen (just above its top-left corner). */
  async nameAt(frame: ShapeSummary): Promise<CanvasPoint> {
    const [x, y] = await this.canvas.toCanvas(frame.x, frame.y);
    return [x + 8, y - 12];
  }

  /** Drags a frame by its name, by `by` screen pixels. */
  async dragFrame(frame: ShapeSummary, by: CanvasPoint): Promise<void> {
    await this.page.keyboard.press('v');
    const [x, y] = await this.nameAt(frame);
    await this.canvas.drag([x, y], [x + by[0], y + by[1]]);
  }

  async openList(): Promise<void> {
    if ((await this.list.count()) === 0) await this.listButton.click();
    await this.list.waitFor();
  }

  /** The frame list's rows, by name. */
  async listedNames(): Promise<string[]> {
    return this.list
      .getByRole('listitem')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('button')?.textContent ?? ''));
  }

  async jumpTo(name: string): Promise<void> {
    await this.list.getByRole('button', { name, exact: true }).click();
  }

  exportButton(name: string, format: 'PNG' | 'SVG'): Locator {
    return this.list.getByRole('button', { name: `Export ${name} as ${format}` });
  }

  /** Starts presenting (F5) from the frame the selection names, else the first. */
  async present(): Promise<void> {
    await this.canvas.canvas.focus();
    await this.page.keyboard.press('F5');
    await this.presented.waitFor();
  }

  async next(): Promise<void> {
    await this.page.keyboard.press('ArrowRight');
  }

  /** A laser stroke (K) through `points`, canvas-relative; the button stays down until `release`. */
  async laser(points: readonly CanvasPoint[]): Promise<void> {
    await this.canvas.canvas.focus();
    await this.page.keyboard.press('k');
    await this.canvas.stroke(points);
  }
}

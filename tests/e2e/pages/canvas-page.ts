import type { Locator, Page } from '@playwright/test';

/** The drawing surface of a board: the toolbar and the canvas, driven with a real mouse. */
export class CanvasPage {
  readonly canvas: Locator;

  constructor(private readonly page: Page) {
    this.canvas = page.getByTestId('board-canvas');
  }

  tool(label: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: label, exact: true });
  }

  /** The number of shapes the canvas reads from the doc, as a string for toHaveAttribute. */
  async shapeCount(): Promise<string | null> {
    return this.canvas.getAttribute('data-shape-count');
  }

  /** Page coordinates of a point given relative to the canvas's top-left. */
  private async at(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return { x: box.x + x, y: box.y + y };
  }

  /** Presses at `from`, moves through `steps` intermediate points to `to`, releases. */
  async drag(from: [number, number], to: [number, number], steps = 8): Promise<void> {
    const start = await this.at(...from);
    const end = await this.at(...to);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x, end.y, { steps });
    await this.page.mouse.up();
  }

  /** A freehand stroke through `points` (canvas-relative). */
  async stroke(points: readonly [number, number][]): Promise<void> {
    const [first, ...rest] = points;
    if (!first) return;
    const start = await this.at(...first);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (const point of rest) {
      const p = await this.at(...point);
      await this.page.mouse.move(p.x, p.y, { steps: 3 });
    }
    await this.page.mouse.up();
  }

  async drawRectangle(from: [number, number], to: [number, number]): Promise<void> {
    await this.tool('Rectangle').click();
    await this.drag(from, to);
  }
}

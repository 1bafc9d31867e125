import type { Locator, Page } from '@playwright/test';

/** The style bar (renderer/ui/StylePanel.tsx): stroke and fill swatches, width, opacity and font size. */
export class StylePanel {
  readonly panel: Locator;
  readonly noFill: Locator;
  readonly width: Locator;
  readonly opacity: Locator;
  readonly fontSize: Locator;

  constructor(page: Page) {
    this.panel = page.getByRole('group', { name: 'Style' });
    this.noFill = this.panel.getByRole('button', { name: 'No fill', exact: true });
    this.width = this.panel.getByLabel('Width');
    this.opacity = this.panel.getByLabel('Opacity');
    this.fontSize = this.panel.getByLabel('Font');
  }

  /** A stroke swatch, by its colour as the panel names it (`#e03131`). */
  stroke(colour: string): Locator {
    return this.panel.getByRole('button', { name: `Stroke ${colour}`, exact: true });
  }

  fill(colour: string): Locator {
    return this.panel.getByRole('button', { name: `Fill ${colour}`, exact: true });
  }

  async setWidth(width: number): Promise<void> {
    await this.width.selectOption(String(width));
  }

  /** `percent` as the option reads, e.g. 50 for "50%". */
  async setOpacity(percent: number): Promise<void> {
    await this.opacity.selectOption({ label: `${percent}%` });
  }

  async setFontSize(size: number): Promise<void> {
    await this.fontSize.selectOption(String(size));
  }
}

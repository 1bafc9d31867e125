import type { Locator, Page } from '@playwright/test';

/**
 * The style panel (renderer/ui/StylePanel.tsx): labelled rows of named
 * colour swatches, dash, align and arrowhead choices, and the width, opacity
 * and font size selects. Its heading says whether it shows the selection or
 * the defaults for new shapes.
 */
export class StylePanel {
  readonly panel: Locator;
  /** "Selection · 2 shapes" or "New shapes". */
  readonly scope: Locator;
  readonly noFill: Locator;
  readonly width: Locator;
  readonly opacity: Locator;
  readonly fontSize: Locator;

  constructor(page: Page) {
    this.panel = page.getByRole('group', { name: 'Style', exact: true });
    this.scope = this.panel.getByTestId('style-scope');
    this.noFill = this.fill('None');
    this.width = this.panel.getByLabel('Width');
    this.opacity = this.panel.getByLabel('Opacity');
    this.fontSize = this.panel.getByLabel('Font');
  }

  /** A labelled row ("Stroke", "Fill", "Dash", "Align", "Arrowheads"); its name says " · Mixed" when mixed. */
  row(label: string): Locator {
    return this.panel.getByRole('group', { name: new RegExp(`^${label}( · Mixed)?$`) });
  }

  /** A stroke swatch, by the colour's name as a screen reader says it ("Red"). */
  stroke(name: string): Locator {
    return this.row('Stroke').getByRole('button', { name, exact: true });
  }

  fill(name: string): Locator {
    return this.row('Fill').getByRole('button', { name, exact: true });
  }

  /** A choice in a row of buttons: `choice('Dash', 'Dotted')`, `choice('Align', 'Align centre')`. */
  choice(row: string, name: string): Locator {
    return this.row(row).getByRole('button', { name, exact: true });
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

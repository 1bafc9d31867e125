import type { Locator, Page } from '@playwright/test';

/** The style panel's Arrange row (renderer/ui/ArrangeSection.tsx): group, lock, align and distribute buttons. */
export class ArrangePanel {
  readonly row: Locator;

  constructor(page: Page) {
    this.row = page.getByRole('group', { name: 'Style', exact: true }).getByRole('group', { name: 'Arrange' });
  }

  /** A button by its action's label ("Align left edges", "Distribute vertically", "Group"…). */
  button(label: string): Locator {
    return this.row.getByRole('button', { name: label, exact: true });
  }
}

/**
 * How many pixels of the grid canvas (renderer/canvas/GridCanvas.tsx) carry ink, and the colour of
 * the strongest one; null while the grid is off (the canvas is not there).
 */
export async function gridInk(page: Page): Promise<{ inked: number; rgb: [number, number, number] } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="board-grid"]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return null;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let strongest = 0;
    let rgb: [number, number, number] = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3] ?? 0;
      if (alpha === 0) continue;
      inked++;
      if (alpha > strongest) {
        strongest = alpha;
        rgb = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      }
    }
    return { inked, rgb };
  });
}

import type { Page } from '@playwright/test';

/**
 * The colour the board's canvas shows at a canvas point, read from the
 * static layer's <canvas> (the first one Konva draws), so a test can tell
 * what the theme made of a shape's colour. At a device pixel ratio of 1.
 */
export async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas');
      const context = canvas?.getContext('2d');
      if (!context) throw new Error('no board canvas');
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(px, py, 1, 1).data;
      return [r, g, b, a] as [number, number, number, number];
    },
    [x, y] as const,
  );
}

/** The page background behind the canvas, as CSS computes it. */
export async function boardBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.querySelector('.easel-board') as Element).backgroundColor);
}

/** How many pixels of the static layer are painted (not transparent) in a box of canvas points. */
export async function paintedPixels(page: Page, x: number, y: number, w: number, h: number): Promise<number> {
  return page.evaluate(
    ([px, py, pw, ph]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="board-canvas"] canvas');
      const context = canvas?.getContext('2d');
      if (!context) throw new Error('no board canvas');
      const data = context.getImageData(px, py, pw, ph).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
      return painted;
    },
    [x, y, w, h] as const,
  );
}

/**
 * The board's TextMeasurer in a browser: a 2D canvas measuring with the font
 * the board draws with (the font string Konva and the canvas painter build
 * from FONT_FAMILY and the size), so measured boxes are drawn boxes.
 */
import type { TextMeasurer } from '../shapes';
import { FONT_FAMILY } from './shape-views/common';

export function canvasFont(fontSize: number): string {
  return `${fontSize}px ${FONT_FAMILY}`;
}

/** A measurer over its own canvas; throws where the browser has no 2D canvas, as nothing could be drawn either. */
export function createCanvasTextMeasurer(): TextMeasurer {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('this browser cannot measure text (no 2D canvas)');
  let fontSize = NaN;
  return (line, size) => {
    if (size !== fontSize) {
      context.font = canvasFont(size);
      fontSize = size;
    }
    return context.measureText(line).width;
  };
}

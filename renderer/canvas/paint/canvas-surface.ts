/** The browser's side of the scene cache: off-screen canvases and Path2D. */
import type { PathSink } from './paint-context';
import type { Surface } from './scene-cache';

export function createCanvasSurface(): Surface<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a 2D canvas');
  return {
    image: canvas,
    context,
    get width() {
      return canvas.width;
    },
    get height() {
      return canvas.height;
    },
    resize(width, height) {
      // Assigning the size clears the canvas and resets its state, even when it does not change.
      canvas.width = Math.max(1, width);
      canvas.height = Math.max(1, height);
    },
  };
}

export const createPath2D = (): PathSink => new Path2D();

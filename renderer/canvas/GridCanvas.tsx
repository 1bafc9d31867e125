/**
 * The grid under the board (View › Show grid, Ctrl/Cmd+'): a plain <canvas>
 * behind the Konva stage, repainted when the viewport, the size or the theme
 * changes. Lines sit on whole device pixels so they stay crisp. It is part of
 * the view only: exports paint shapes alone (renderer/export).
 */
import { useEffect, useRef } from 'react';
import type { Viewport } from '../state/ui-store';
import type { Theme } from '../theme/theme-store';
import { gridLines } from './grid';
import type { Size } from './viewport-math';

/** Line colours per theme (RGB; alpha per level): dark lines on light paper, light on dark. */
const LINE_RGB: Record<Theme, string> = { light: '0, 0, 0', dark: '255, 255, 255' };
const MAJOR_ALPHA = 0.12;
const MINOR_ALPHA = 0.06;

function stroke(context: CanvasRenderingContext2D, xs: number[], ys: number[], size: Size, dpr: number): void {
  context.beginPath();
  for (const x of xs) {
    const px = Math.round(x * dpr) + 0.5;
    context.moveTo(px, 0);
    context.lineTo(px, size.height * dpr);
  }
  for (const y of ys) {
    const py = Math.round(y * dpr) + 0.5;
    context.moveTo(0, py);
    context.lineTo(size.width * dpr, py);
  }
  context.stroke();
}

export function GridCanvas({ viewport, size, theme }: { viewport: Viewport; size: Size; theme: Theme }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(size.width * dpr);
    element.height = Math.round(size.height * dpr);
    context.clearRect(0, 0, element.width, element.height);
    const lines = gridLines(viewport, size);
    context.lineWidth = 1;
    if (lines.minorAlpha > 0) {
      context.strokeStyle = `rgba(${LINE_RGB[theme]}, ${MINOR_ALPHA * lines.minorAlpha})`;
      stroke(context, lines.minorX, lines.minorY, size, dpr);
    }
    context.strokeStyle = `rgba(${LINE_RGB[theme]}, ${MAJOR_ALPHA})`;
    stroke(context, lines.majorX, lines.majorY, size, dpr);
  }, [viewport, size, theme]);

  return (
    <canvas
      ref={canvas}
      data-testid="board-grid"
      aria-hidden
      style={{ position: 'absolute', inset: 0, width: size.width, height: size.height, pointerEvents: 'none' }}
    />
  );
}

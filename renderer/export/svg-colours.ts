/**
 * The dark theme for an exported SVG, as the canvas paints it
 * (theme/canvas-colours.ts): every colour a shape's elements name goes
 * through the colour map; the background is the caller's to choose.
 */
import type { ColourMap } from '../theme/canvas-colours';

const COLOUR_ATTRIBUTES = ['fill', 'stroke'] as const;

/** Rewrites, in place, the fill and stroke of every element of every shape (`[data-shape]`) of `svg`. */
export function mapSvgColours(svg: Element, colours: ColourMap): void {
  for (const shape of svg.querySelectorAll('[data-shape]')) {
    for (const element of [shape, ...shape.querySelectorAll('*')]) {
      for (const name of COLOUR_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value && value !== 'none' && !value.startsWith('url(')) element.setAttribute(name, colours(value));
      }
    }
  }
}

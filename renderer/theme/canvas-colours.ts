/**
 * Board colours as the canvas paints them in the dark theme. The doc keeps
 * what was chosen (a black stroke stays #1e1e1e); only the painting maps it:
 * lightness is turned over (black reads as near-white on the dark canvas,
 * a pale fill becomes a deep one) while hue and saturation stay, so red stays
 * red. Light is the identity. Exports paint light unless asked otherwise.
 */
import type { Theme } from './theme-store';

export type ColourMap = (colour: string) => string;

export const identityColours: ColourMap = (colour) => colour;

const HEX = /^#([0-9a-f]{6})$/i;
const cache = new Map<string, string>();
/** Bounds the cache: boards use a palette, but a file may bring many custom colours. */
const MAX_CACHED = 512;

export function darkColour(colour: string): string {
  const cached = cache.get(colour);
  if (cached !== undefined) return cached;
  const match = HEX.exec(colour);
  if (!match?.[1]) return colour; // 'none' and anything not #rrggbb pass through
  const value = parseInt(match[1], 16);
  const [h, s, l] = rgbToHsl((value >> 16) & 255, (value >> 8) & 255, value & 255);
  // Turned over, kept off pure black and white: 0.12 → 0.9, 0.9 → 0.17.
  const mapped = hslToHex(h, s, Math.min(0.92, Math.max(0.1, 1.02 - l)));
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(colour, mapped);
  return mapped;
}

export function canvasColours(theme: Theme): ColourMap {
  return theme === 'dark' ? darkColour : identityColours;
}

function rgbToHsl(r: number, g: number, b: number): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function hslToHex(h: number, s: number, l: number): string {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const tt = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = tt < 1 / 6 ? p + (q - p) * 6 * tt : tt < 1 / 2 ? q : tt < 2 / 3 ? p + (q - p) * (2 / 3 - tt) * 6 : p;
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(h + 1 / 3)}${channel(h)}${channel(h - 1 / 3)}`;
}

/**
 * A deterministic TextMeasurer for unit tests (Node has no canvas): narrow
 * 'i' and 'l', wide 'm' and 'w', spaces a quarter em, anything else half an
 * em, so widths depend on the letters as real fonts do.
 */
import type { TextMeasurer } from '../text-metrics';

const EM: Readonly<Record<string, number>> = { i: 0.25, l: 0.25, m: 0.75, w: 0.75, ' ': 0.25 };

export const testMeasurer: TextMeasurer = (line, fontSize) => {
  let em = 0;
  for (const char of line) em += EM[char] ?? 0.5;
  return em * fontSize;
};

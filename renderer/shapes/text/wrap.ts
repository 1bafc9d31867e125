/**
 * Word wrap, as a sticky note lays out its text: paragraphs break where the
 * text has line breaks, words move to the next line whole, a word wider than
 * the line breaks between characters (graphemes, so an emoji or an accented
 * letter is never cut in half), spaces at a wrap are dropped and trailing
 * spaces do not count. Pure: widths come from `measure`.
 */

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** The user-perceived characters of `text`. */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text);
}

/** The lines of `text` wrapped to `width`; one line per paragraph at least (an empty text is one empty line). */
export function wrapText(text: string, width: number, measure: (line: string) => number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, measure));
}

function wrapParagraph(paragraph: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of paragraph.split(/(\s+)/)) {
    if (token === '') continue;
    if (/^\s/.test(token)) {
      // Spaces at the start of a wrapped line are the break itself; an indented paragraph keeps its indent.
      if (line !== '' || lines.length === 0) line += token;
      continue;
    }
    if (line.trim() !== '' && measure(line + token) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += token;
    while (measure(line) > width) {
      const parts = graphemes(line);
      const fit = longestFittingPrefix(parts, width, measure);
      if (fit === parts.length) break;
      lines.push(parts.slice(0, fit).join(''));
      line = parts.slice(fit).join('');
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

/** How many leading graphemes fit in `width`: at least one, so a line narrower than a letter still advances. */
function longestFittingPrefix(parts: readonly string[], width: number, measure: (line: string) => number): number {
  let low = 1;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(parts.slice(0, mid).join('')) <= width) low = mid;
    else high = mid - 1;
  }
  return low;
}

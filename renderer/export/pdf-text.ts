/**
 * Readies the text of an exported SVG (svg.ts) for svg2pdf.js, so it lands
 * in the PDF as real text where the SVG puts it:
 *
 * - The font: every text runs in the one PDF font chosen for the file
 *   (`PdfFont`), Helvetica (built into every PDF reader) when all the text
 *   is in its character set, else an embedded Unicode font. The SVG names
 *   the board's system font stack, which a PDF cannot rely on.
 * - Baselines: the SVG centres each line on its y with `dominant-baseline`,
 *   which svg2pdf.js does not read; it reads `alignment-baseline`.
 * - Centred and right-aligned lines: svg2pdf.js would measure them with a
 *   font of the page, not the PDF's, so they would sit off by the difference.
 *   Each such line is moved by its width in the PDF font and anchored at its
 *   start instead.
 */

export interface PdfFont {
  /** The font's name in the jsPDF document. */
  name: string;
  /** The width of `text` at a font size of 1, in the font's own metrics. */
  unitWidth(text: string): number;
}

/** Characters of Windows-1252 above ASCII, which the PDF standard fonts (WinAnsiEncoding) can show. */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Whether some character of `text` is beyond the standard fonts (Helvetica): then the Unicode font is needed. */
export function needsUnicodeFont(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    if (!latin1 && char !== '\n' && char !== '\t' && !WIN_ANSI_EXTRAS.includes(char)) return true;
  }
  return false;
}

/** All the text an SVG document shows. */
export function svgText(svg: Element): string {
  return Array.from(svg.querySelectorAll('text'), (text) => text.textContent ?? '').join('\n');
}

/** The value of an attribute on `element` or the nearest ancestor that has it (SVG text attributes inherit). */
function inherited(element: Element, name: string): string | null {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const value = at.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

/** Rewrites the document's text in place, as the top of this file says. */
export function prepareSvgText(svg: Element, font: PdfFont): void {
  for (const element of svg.querySelectorAll('[dominant-baseline]')) {
    element.setAttribute('alignment-baseline', element.getAttribute('dominant-baseline') ?? 'auto');
  }
  for (const element of svg.querySelectorAll('[font-family]')) element.setAttribute('font-family', font.name);
  for (const text of svg.querySelectorAll('text')) anchorAtStart(text, font);
}

function anchorAtStart(text: Element, font: PdfFont): void {
  const anchor = inherited(text, 'text-anchor');
  if (anchor !== 'middle' && anchor !== 'end') return;
  const fontSize = Number.parseFloat(inherited(text, 'font-size') ?? '16');
  const lines = text.children.length > 0 ? Array.from(text.children) : [text];
  for (const line of lines) {
    const x = Number.parseFloat(line.getAttribute('x') ?? '0');
    const width = font.unitWidth(line.textContent ?? '') * fontSize;
    line.setAttribute('x', String(x - (anchor === 'middle' ? width / 2 : width)));
    if (line !== text) line.removeAttribute('text-anchor');
  }
  text.setAttribute('text-anchor', 'start');
}

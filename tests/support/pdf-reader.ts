/**
 * Reads a PDF with pdf.js (Mozilla's PDF reader, the legacy build that runs
 * in Node): its pages' sizes and the text each holds as text, for tests of
 * the PDF export (renderer/export/pdf.ts).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageSummary {
  /** In PDF points. */
  width: number;
  height: number;
  /** The page's text pieces, in the order the file draws them. */
  texts: string[];
  /** How many raster images the page paints. */
  images: number;
}

export interface PdfSummary {
  pages: PdfPageSummary[];
  title: string | undefined;
}

export async function readPdf(bytes: Uint8Array | ArrayBuffer): Promise<PdfSummary> {
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes.slice(0));
  const task = getDocument({ data, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: PdfPageSummary[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const texts = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : []));
      const { fnArray } = await page.getOperatorList();
      const images = fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
      pages.push({ width: x1 - x0, height: y1 - y0, texts, images });
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    return { pages, title: info.Title };
  } finally {
    await task.destroy();
  }
}

/**
 * The page's way to a PDF: loads the PDF code (pdf.ts, with jsPDF and
 * svg2pdf.js) on the first export, so the board's own script stays small,
 * and fetches the Unicode font from the app's own files when the text
 * needs it.
 */
import { PDF_MIME_TYPE, type PdfOptions, type PdfPage } from './pdf-plan';

export async function renderPdfBlob(pages: readonly PdfPage[], options: PdfOptions): Promise<Blob> {
  const { renderPdf } = await import('./pdf');
  const bytes = await renderPdf(pages, { ...options, loadUnicodeFont: fetchUnicodeFont });
  return new Blob([bytes], { type: PDF_MIME_TYPE });
}

async function fetchUnicodeFont(): Promise<ArrayBuffer> {
  // Imported when needed, not with this module: only Vite knows `?url`, and Node (tests that load
  // the actions registry, which reaches this file) would refuse the font file at import.
  const { default: unicodeFontUrl } = await import('dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url');
  const response = await fetch(unicodeFontUrl);
  if (!response.ok) throw new Error(`the PDF font could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

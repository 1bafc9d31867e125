export {
  DEFAULT_EXPORT_BACKGROUND,
  DEFAULT_EXPORT_PADDING,
  type ExportFrame,
  exportFrame,
  NothingToExportError,
} from './frame';
export type { ExportRenderer } from './export-renderer';
export {
  browserExportRenderer,
  MAX_PNG_PIXELS,
  MAX_PNG_SIDE_PX,
  paintExport,
  PNG_PIXEL_RATIO,
  pngSize,
  type PngSize,
} from './png';
export { MAX_PDF_PAGES, PDF_MIME_TYPE, type PdfPage, pdfPageSize, shapesPage } from './pdf-plan';
export { shapesToSvg, type SvgExport, type SvgExportOptions } from './svg';
export { escapeXml } from './xml';

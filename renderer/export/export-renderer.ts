import type { EmbeddedFile, Shape } from '../../shared/model';
import type { Box } from '../shapes';
import type { Theme } from '../theme/theme-store';
import type { PdfOptions, PdfPage } from './pdf-plan';

/**
 * How the file actions paint a PNG or draw a PDF (ActionContext.exporter). Both
 * need a browser (a canvas; a DOM for the PDF), so action tests pass a stand-in.
 * Kept apart from png.ts so code that only names the port loads no DOM code.
 */
export interface ExportRenderer {
  /**
   * PNG bytes of the shapes, framed by exportFrame; throws NothingToExportError
   * for none. Light (the board's own colours on white) unless `theme` says dark.
   * `view` frames the picture instead (one frame's export shows that frame). Image shapes are
   * painted from `images` (their files); one whose file is missing is its placeholder box.
   */
  renderPng(shapes: readonly Shape[], theme?: Theme, view?: Box, images?: readonly EmbeddedFile[]): Promise<Blob>;
  /** A PDF of the planned pages (pdf-plan.ts); its code loads on the first call. */
  renderPdf(pages: readonly PdfPage[], options: PdfOptions): Promise<Blob>;
}

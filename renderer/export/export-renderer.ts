import type { Shape } from '../../shared/model';

/**
 * How the file actions paint a PNG (ActionContext.exporter). Painting needs a
 * browser canvas (png.ts has the browser's), so action tests pass a stand-in.
 * Kept apart from png.ts so code that only names the port loads no DOM code.
 */
export interface ExportRenderer {
  /** PNG bytes of the shapes, framed by exportFrame; throws NothingToExportError for none. */
  renderPng(shapes: readonly Shape[]): Promise<Blob>;
}

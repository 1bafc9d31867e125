import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { Shape } from '../../shared/model';
import type { CatalogClient } from './catalog-client';
import { renderThumbnail } from './thumbnail';

/** Fired on `window` once a thumbnail is stored, so a home screen already showing re-reads the catalog. */
export const CATALOG_CHANGED_EVENT = 'easel:catalog-changed';

/** The thumbnail is redrawn this long after the last local edit (ms), and when leaving the board. */
export const THUMBNAIL_DELAY_MS = 5_000;

/**
 * Keeps the board's thumbnail in the relay's catalog current: after my own
 * edits (not others': their app sends theirs), debounced, and once more when
 * I leave the board with an edit not yet drawn. Only the desktop host's page
 * has a catalog; elsewhere this does nothing.
 */
export function useThumbnailUpload(
  catalog: CatalogClient | null | undefined,
  boardId: string,
  doc: Y.Doc | null,
  readShapes: (() => Shape[]) | null,
): void {
  useEffect(() => {
    if (!catalog || !doc || !readShapes) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Read at each local change: by the time the board view unmounts, its session (and doc) may be gone.
    let latest: Shape[] = [];
    const upload = (shapes: Shape[]) => {
      void renderThumbnail(shapes)
        .then(async (png) => {
          if (!png) return;
          await catalog.putThumbnail(boardId, png);
          window.dispatchEvent(new Event(CATALOG_CHANGED_EVENT));
        })
        .catch((error: unknown) => console.warn('[easel] thumbnail not saved', error));
    };
    const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (!transaction.local) return;
      latest = readShapes();
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        upload(latest);
      }, THUMBNAIL_DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer === undefined) return;
      clearTimeout(timer);
      upload(latest);
    };
  }, [catalog, boardId, doc, readShapes]);
}

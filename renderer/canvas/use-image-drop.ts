/**
 * Files dropped on the canvas become images where they were dropped (renderer/images), several
 * side by side. Only a drag carrying files is taken; anything else is left to the page.
 */
import { type RefObject, useEffect } from 'react';
import { imageInputsOf } from '../images/browser-images';
import type { BoardSession } from './board-session';

export function useImageDrop(container: RefObject<HTMLDivElement | null>, session: BoardSession): void {
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const allowed = session.ui.getState().canEdit && session.actions.images !== undefined;
      if (e.dataTransfer) e.dataTransfer.dropEffect = allowed ? 'copy' : 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const images = session.actions.images;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!images || files.length === 0 || !session.ui.getState().canEdit) return;
      const rect = el.getBoundingClientRect();
      const { viewport } = session.ui.getState();
      const at = {
        x: viewport.x + (e.clientX - rect.left) / viewport.zoom,
        y: viewport.y + (e.clientY - rect.top) / viewport.zoom,
      };
      void imageInputsOf(files).then((inputs) => images.insert(inputs, at));
    };
    el.addEventListener('dragover', onDragOver);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('dragover', onDragOver);
      el.removeEventListener('drop', onDrop);
    };
  }, [container, session]);
}

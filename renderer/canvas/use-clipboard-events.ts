/**
 * Copy, cut and paste of shapes from the page's clipboard events. The keys
 * (Ctrl/Cmd+C, X, V) and the desktop app's Edit menu, whose items are the
 * native roles, make the browser fire these; a focused text field or selected
 * page text keeps them, so text is copied and pasted as text, and only
 * otherwise do they copy, cut or paste the board's shapes. A paste holding
 * files (an image copied in another app, or a copied image file) adds them
 * as images instead.
 */
import { useEffect } from 'react';
import { type ClipboardEventKind, eventClipboard } from '../actions';
import type { BoardSession } from './board-session';
import { textOwnsClipboard } from './text-entry';
import { imageInputsOf } from '../images/browser-images';

const KINDS: readonly ClipboardEventKind[] = ['copy', 'cut', 'paste'];

export function useClipboardEvents(session: BoardSession): void {
  useEffect(() => {
    const handlers = KINDS.map((kind) => {
      const handler = (event: ClipboardEvent) => {
        if (event.defaultPrevented || !event.clipboardData || textOwnsClipboard(document, kind)) return;
        if (session.ui.getState().editingId !== null) return;
        // A pasted image, or a copied image file, becomes an image at the view's centre (renderer/images).
        if (kind === 'paste' && pasteImages(session, event.clipboardData)) return void event.preventDefault();
        const ran = session.registry.handleClipboardEvent(kind, eventClipboard(event.clipboardData), session.actions);
        if (ran) event.preventDefault();
      };
      document.addEventListener(kind, handler);
      return () => document.removeEventListener(kind, handler);
    });
    return () => handlers.forEach((remove) => remove());
  }, [session]);
}

/** Starts adding the clipboard's files as images; false when it holds none (or they cannot be added here). */
function pasteImages(session: BoardSession, data: DataTransfer): boolean {
  const files = [...data.files];
  const images = session.actions.images;
  if (files.length === 0 || !images || !session.ui.getState().canEdit) return false;
  void imageInputsOf(files).then((inputs) => images.insert(inputs));
  return true;
}

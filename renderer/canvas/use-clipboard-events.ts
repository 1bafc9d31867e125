/**
 * Copy, cut and paste of shapes from the page's clipboard events. The keys
 * (Ctrl/Cmd+C, X, V) and the desktop app's Edit menu, whose items are the
 * native roles, make the browser fire these; a focused text field or selected
 * page text keeps them, so text is copied and pasted as text, and only
 * otherwise do they copy, cut or paste the board's shapes.
 */
import { useEffect } from 'react';
import { type ClipboardEventKind, eventClipboard } from '../actions';
import type { BoardSession } from './board-session';
import { textOwnsClipboard } from './text-entry';

const KINDS: readonly ClipboardEventKind[] = ['copy', 'cut', 'paste'];

export function useClipboardEvents(session: BoardSession): void {
  useEffect(() => {
    const handlers = KINDS.map((kind) => {
      const handler = (event: ClipboardEvent) => {
        if (event.defaultPrevented || !event.clipboardData || textOwnsClipboard(document, kind)) return;
        if (session.ui.getState().editingId !== null) return;
        const ran = session.registry.handleClipboardEvent(kind, eventClipboard(event.clipboardData), session.actions);
        if (ran) event.preventDefault();
      };
      document.addEventListener(kind, handler);
      return () => document.removeEventListener(kind, handler);
    });
    return () => handlers.forEach((remove) => remove());
  }, [session]);
}

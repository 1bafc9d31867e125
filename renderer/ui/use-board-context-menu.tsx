/**
 * The board's context menu: a right-click (the `contextmenu` event) on the
 * canvas picks its target and selection (context-menu-model.ts), reads the
 * entries from the action registry and opens ContextMenu at the pointer.
 * Choosing an item performs its action with `at` = the board point that was
 * clicked, so "Paste" lands there rather than wherever the pointer went
 * since. Closing returns focus to the canvas.
 */
import { type MouseEvent, type ReactNode, useCallback, useState } from 'react';
import type { Point } from '../shapes';
import type { BoardSession } from '../canvas/board-session';
import { HIT_TOLERANCE_PX } from '../tools';
import { ContextMenu } from './ContextMenu';
import { buildContextMenu, type ContextMenuEntry, targetContextMenu } from './context-menu-model';

interface OpenMenu {
  /** Window pixels, where the menu opens. */
  client: Point;
  /** Board point the click was at. */
  at: Point;
  entries: ContextMenuEntry[];
  /** The canvas element, which gets focus back when the menu closes. */
  canvas: HTMLElement;
}

export interface BoardContextMenu {
  /** The canvas's onContextMenu handler. */
  open(event: MouseEvent<HTMLElement>): void;
  /** The menu while it is open, else null: render it anywhere in the board's tree. */
  element: ReactNode;
}

export function useBoardContextMenu(session: BoardSession | null): BoardContextMenu {
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  const open = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      // The inline text editor keeps the browser's own menu (spelling, paste into the text).
      if (!session || (event.target instanceof Element && event.target.closest('textarea'))) return;
      event.preventDefault();
      const canvas = event.currentTarget;
      const rect = canvas.getBoundingClientRect();
      const { viewport } = session.ui.getState();
      const at = {
        x: viewport.x + (event.clientX - rect.left) / viewport.zoom,
        y: viewport.y + (event.clientY - rect.top) / viewport.zoom,
      };
      // The pointer is where the menu opened, for actions that act there (Unlock) to read as they list.
      session.lastPointer = at;
      const target = targetContextMenu(session.actions, at, HIT_TOLERANCE_PX / viewport.zoom);
      const entries = buildContextMenu(session.registry, session.actions, target);
      setMenu({ client: { x: event.clientX, y: event.clientY }, at, entries, canvas });
    },
    [session],
  );

  const close = useCallback(() => {
    menu?.canvas.focus({ preventScroll: true });
    setMenu(null);
  }, [menu]);

  const choose = useCallback(
    (id: string) => {
      if (!session || !menu) return;
      close();
      const result = session.registry.perform(id, session.actions, { at: menu.at });
      // As the registry reports a failed key press (board-session.ts): the clipboard may refuse.
      const label = session.registry.get(id)?.label ?? id;
      if (result) result.catch((error: unknown) => console.warn(`[easel] ${label} failed`, error));
    },
    [session, menu, close],
  );

  const element =
    session && menu ? (
      <ContextMenu entries={menu.entries} at={menu.client} label="Board actions" onChoose={choose} onClose={close} />
    ) : null;
  return { open, element };
}

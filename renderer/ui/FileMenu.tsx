/**
 * The board's File menu (export, save, open): one button in the header that
 * opens a menu of the action registry's 'file' group (docs/ARCHITECTURE.md#actions), so
 * labels, shortcut hints and the disabled state match the keyboard. One
 * button rather than four keeps the header on one line on narrow windows.
 * The menu is ContextMenu (keys, focus, closing), opened under the button.
 */
import { useEffect, useRef, useState } from 'react';
import { type ActionContext, type ActionRegistry, shortcutLabel } from '../actions';
import type { BoardSession } from '../canvas/board-session';
import { failureNotice } from '../state/notices';
import { ContextMenu } from './ContextMenu';
import type { ContextMenuEntry } from './context-menu-model';

/** The file actions as menu entries, as they stand now. */
function fileMenuEntries(registry: ActionRegistry, ctx: ActionContext): ContextMenuEntry[] {
  return registry
    .all()
    .filter((action) => action.group === 'file')
    .map((action) => ({
      kind: 'item',
      id: action.id,
      label: action.label,
      shortcut: shortcutLabel(action, ctx.isMac),
      enabled: registry.isEnabled(action, ctx),
    }));
}

export function FileMenu({ session }: { session: BoardSession }) {
  const { registry, actions, notices } = session;
  const button = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; entries: ContextMenuEntry[] } | null>(null);
  // A press on the button while the menu is open closes it (the menu closes on any press outside
  // itself), and the click that ends that press must not open it again. The listener is added once,
  // before the menu's own, so it sees the press while the menu is still open.
  const isOpen = useRef(false);
  useEffect(() => {
    isOpen.current = menu !== null;
  }, [menu]);
  const pressWhileOpen = useRef<PointerEvent | null>(null);
  const swallowClick = useRef(false);
  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      pressWhileOpen.current = isOpen.current ? e : null;
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const open = () => {
    if (swallowClick.current) {
      swallowClick.current = false;
      return;
    }
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    setMenu({ at: { x: rect.left, y: rect.bottom + 2 }, entries: fileMenuEntries(registry, actions) });
  };
  const close = () => {
    button.current?.focus({ preventScroll: true });
    setMenu(null);
  };
  // Performed inside the click or key press that chose it: browsers open a file picker only then.
  const choose = (id: string) => {
    close();
    const label = registry.get(id)?.label ?? id;
    void Promise.resolve(registry.perform(id, actions)).catch((error: unknown) =>
      notices.getState().show(failureNotice(label, error)),
    );
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        title="Export, save and open (exports take the selection, or the whole board)"
        onPointerDown={(e) => (swallowClick.current = e.nativeEvent === pressWhileOpen.current)}
        onKeyDown={() => (swallowClick.current = false)}
        onClick={open}
      >
        File
      </button>
      {menu && <ContextMenu entries={menu.entries} at={menu.at} label="File" onChoose={choose} onClose={close} />}
    </>
  );
}

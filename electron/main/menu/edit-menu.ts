import type { MenuItemConstructorOptions } from 'electron';
import { CLIPBOARD_ROLE_ACTIONS, type MenuItem, TEXT_EDITING_ACTIONS } from '../../../shared/desktop';

type TextEditingId = keyof typeof TEXT_EDITING_ACTIONS;

/**
 * The Edit menu: text editing that works wherever the focus is, then the
 * board's other edit actions.
 *
 * Cut, Copy and Paste are always Electron's roles: they make the page fire
 * copy, cut and paste events, which a text field takes as text and the board
 * takes as shapes when no text has them (renderer/canvas/use-clipboard-events.ts).
 * Undo, Redo and Select All are roles where no board is open (Home, the join
 * screen); on a board they are its actions, always enabled, and the page
 * applies them to a focused text field instead when one has focus (a role
 * would undo in a text field but never on the board). Their accelerators are
 * registered on macOS only, like every item's (application-menu.ts).
 */
export function editMenuTemplate(
  items: readonly MenuItem[],
  options: { isMac: boolean; actionItem(item: MenuItem): MenuItemConstructorOptions },
): MenuItemConstructorOptions[] {
  const board = new Map(items.filter((item) => item.group === 'edit').map((item) => [item.id, item]));
  const textEditing = (id: TextEditingId): MenuItemConstructorOptions => {
    const item = board.get(id);
    return item
      ? options.actionItem({ ...item, enabled: true })
      : { role: TEXT_EDITING_ACTIONS[id], registerAccelerator: options.isMac };
  };
  const clipboardRoles = Object.values(CLIPBOARD_ROLE_ACTIONS).map((role): MenuItemConstructorOptions => ({
    role,
    registerAccelerator: options.isMac,
  }));
  const replaced = new Set<string>([...Object.keys(TEXT_EDITING_ACTIONS), ...Object.keys(CLIPBOARD_ROLE_ACTIONS)]);
  const others = [...board.values()].filter((item) => !replaced.has(item.id)).map(options.actionItem);
  return [
    textEditing('edit.undo'),
    textEditing('edit.redo'),
    { type: 'separator' },
    ...clipboardRoles,
    textEditing('edit.selectAll'),
    ...(others.length > 0 ? [{ type: 'separator' as const }, ...others] : []),
  ];
}

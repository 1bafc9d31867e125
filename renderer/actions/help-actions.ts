/**
 * Help: the keyboard shortcuts dialog, on `?` (whichever keys type it on the
 * layout) and F1, and as Help → Keyboard Shortcuts in the desktop menu. The
 * dialog lists this registry (renderer/ui/ShortcutsDialog.tsx), so what it
 * says is what the keys do.
 */
import type { Action } from './action';
import { isForeignModDown, isModDown } from './keys';

const shortcuts: Action = {
  id: 'help.shortcuts',
  label: 'Keyboard shortcuts',
  group: 'help',
  shortcuts: [{ key: '?' }, { key: 'F1' }],
  // '?' is Shift+/ on a US layout and another combination elsewhere: any Shift state types it.
  keyTest: (event, ctx) =>
    event.key === '?' && !isModDown(event, ctx.isMac) && !isForeignModDown(event, ctx.isMac) && !event.altKey,
  perform: (ctx) => ctx.ui.getState().setHelpOpen(!ctx.ui.getState().helpOpen),
};

export function createHelpActions(): Action[] {
  return [shortcuts];
}

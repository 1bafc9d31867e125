import type { MenuItemConstructorOptions } from 'electron';
import type { MenuGroup, MenuItem, MenuTemplate } from '../../../shared/desktop';
import { editMenuTemplate } from './edit-menu';

/** The id of the main process's own Help item; renderer action ids always have a dot, so it cannot clash. */
export const CHECK_FOR_UPDATES_ID = 'checkForUpdates';

export interface MenuOptions {
  isMac: boolean;
  appName: string;
  /** A renderer action was chosen: send its id to the focused window. */
  onAction(id: string): void;
  /** Development builds get Toggle Developer Tools. */
  devTools: boolean;
  /** Help → Check for Updates…, handled by the main process itself (electron/main/updates). */
  onCheckForUpdates?(): void;
}

/**
 * The application menu from the renderer's action items (docs/ARCHITECTURE.md#menus): File,
 * Edit, View, Board (tools, then arrange) and Help, plus the native roles each
 * platform expects (the app menu and Window on macOS, Quit in File elsewhere).
 *
 * Accelerators are shown everywhere. On Windows and Linux they are not
 * registered: the renderer's key handler (and, in text fields, Chromium's own
 * key bindings) already run every shortcut, which would otherwise run twice.
 * On macOS a key press reaches the page first and goes to the menu only when
 * the page did not handle it (Cmd+C, for which Chromium has no key binding
 * there, and every key in a text field), so there they are registered. The
 * Edit menu's layout is edit-menu.ts.
 */
export function applicationMenuTemplate(items: MenuTemplate, options: MenuOptions): MenuItemConstructorOptions[] {
  const section = (...groups: MenuGroup[]): MenuItemConstructorOptions[] =>
    groups
      .map((group) => items.filter((item) => item.group === group).map((item) => actionItem(item, options)))
      .filter((entries) => entries.length > 0)
      .flatMap((entries, index) => (index === 0 ? entries : [{ type: 'separator' as const }, ...entries]));
  const withRoles = (entries: MenuItemConstructorOptions[], roles: MenuItemConstructorOptions[]) =>
    entries.length > 0 && roles.length > 0
      ? [...entries, { type: 'separator' as const }, ...roles]
      : [...entries, ...roles];

  const { isMac } = options;
  const menus: MenuItemConstructorOptions[] = [];
  if (isMac) {
    menus.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  menus.push(
    { label: '&File', submenu: withRoles(section('file'), [isMac ? { role: 'close' } : { role: 'quit' }]) },
    { label: '&Edit', submenu: editMenuTemplate(items, { isMac, actionItem: (item) => actionItem(item, options) }) },
    {
      label: '&View',
      submenu: withRoles(section('view'), [
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      ]),
    },
    { label: '&Board', submenu: section('tools', 'arrange') },
  );
  if (isMac) menus.push({ role: 'windowMenu' });
  const checkForUpdates: MenuItemConstructorOptions[] = options.onCheckForUpdates
    ? [{ id: CHECK_FOR_UPDATES_ID, label: 'Check for Updates…', click: () => options.onCheckForUpdates?.() }]
    : [];
  menus.push({
    label: '&Help',
    role: 'help',
    submenu: withRoles(section('help'), [...checkForUpdates, ...(isMac ? [] : [{ role: 'about' as const }])]),
  });
  // macOS fills Window and Help itself (Help gets the menu search), so those stay even when empty.
  const keptEmpty = (menu: MenuItemConstructorOptions) => isMac && (menu.role === 'windowMenu' || menu.role === 'help');
  return menus.filter((menu) => keptEmpty(menu) || (Array.isArray(menu.submenu) && menu.submenu.length > 0));
}

function actionItem(item: MenuItem, options: MenuOptions): MenuItemConstructorOptions {
  return {
    id: item.id,
    label: item.label,
    enabled: item.enabled,
    ...(item.accelerator !== undefined && { accelerator: item.accelerator, registerAccelerator: options.isMac }),
    ...(item.checked !== undefined && { type: 'checkbox' as const, checked: item.checked }),
    click: () => options.onAction(item.id),
  };
}

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuTemplate } from '../../../shared/desktop';
import { applicationMenuTemplate, CHECK_FOR_UPDATES_ID, type MenuOptions } from './application-menu';

const items: MenuTemplate = [
  { id: 'file.open', label: 'Open…', accelerator: 'CmdOrCtrl+O', enabled: true, group: 'file' },
  { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: false, group: 'edit' },
  { id: 'edit.redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', enabled: true, group: 'edit' },
  { id: 'view.toggleGrid', label: 'Grid', enabled: true, checked: true, group: 'view' },
  { id: 'tools.rect', label: 'Rectangle', accelerator: 'R', enabled: true, checked: false, group: 'tools' },
  { id: 'arrange.bringToFront', label: 'Bring to front', accelerator: 'CmdOrCtrl+]', enabled: true, group: 'arrange' },
];

function build(overrides: Partial<MenuOptions> = {}) {
  const chosen: string[] = [];
  const menus = applicationMenuTemplate(items, {
    isMac: false,
    appName: 'Easel',
    devTools: false,
    onAction: (id) => chosen.push(id),
    ...overrides,
  });
  return { menus, chosen };
}

const submenu = (menu: MenuItemConstructorOptions | undefined) => menu?.submenu as MenuItemConstructorOptions[];
const labels = (menus: MenuItemConstructorOptions[]) => menus.map((menu) => menu.label ?? menu.role);
const shape = (entries: MenuItemConstructorOptions[]) => entries.map((entry) => entry.id ?? entry.role ?? entry.type);

describe('applicationMenuTemplate', () => {
  it('lays the items out under File, Edit, View, Board and Help', () => {
    const { menus } = build();
    expect(labels(menus)).toEqual(['&File', '&Edit', '&View', '&Board', '&Help']);
    expect(shape(submenu(menus[0]))).toEqual(['file.open', 'separator', 'quit']);
    expect(shape(submenu(menus[1]))).toEqual(['edit.undo', 'edit.redo']);
    expect(shape(submenu(menus[2]))).toEqual(['view.toggleGrid', 'separator', 'togglefullscreen']);
    expect(shape(submenu(menus[3]))).toEqual(['tools.rect', 'separator', 'arrange.bringToFront']);
    expect(shape(submenu(menus[4]))).toEqual(['about']);
  });

  it('carries labels, shortcuts, enabled and checked states, and sends the id back on click', () => {
    const { menus, chosen } = build();
    const [undo, redo] = submenu(menus[1]);
    expect(undo).toMatchObject({
      label: 'Undo',
      accelerator: 'CmdOrCtrl+Z',
      enabled: false,
      registerAccelerator: false,
    });
    expect(submenu(menus[2])[0]).toMatchObject({ type: 'checkbox', checked: true });
    expect(submenu(menus[3])[0]).toMatchObject({ type: 'checkbox', checked: false, accelerator: 'R' });
    (redo!.click as () => void)();
    expect(chosen).toEqual(['edit.redo']);
  });

  it('follows macOS conventions there: app menu, Close, Window, accelerators owned by the menu', () => {
    const { menus } = build({ isMac: true, devTools: true });
    expect(labels(menus)).toEqual(['Easel', '&File', '&Edit', '&View', '&Board', 'windowMenu', '&Help']);
    expect(shape(submenu(menus[0]))).toContain('quit');
    expect(shape(submenu(menus[1]))).toEqual(['file.open', 'separator', 'close']);
    expect(shape(submenu(menus[3]))).toEqual(['view.toggleGrid', 'separator', 'togglefullscreen', 'toggleDevTools']);
    expect(submenu(menus[2])[0]).toMatchObject({ registerAccelerator: true });
  });

  it('puts Check for Updates… in Help when updates are wired, and runs it in the main process', () => {
    let checks = 0;
    const { menus, chosen } = build({ onCheckForUpdates: () => checks++ });
    const help = submenu(menus.at(-1));
    expect(shape(help)).toEqual([CHECK_FOR_UPDATES_ID, 'about']);
    expect(help[0]).toMatchObject({ label: 'Check for Updates…' });
    (help[0]!.click as () => void)();
    expect(checks).toBe(1);
    expect(chosen).toEqual([]);
    const mac = build({ isMac: true, onCheckForUpdates: () => checks++ }).menus;
    expect(shape(submenu(mac.at(-1)))).toEqual([CHECK_FOR_UPDATES_ID]);
  });

  it('leaves out menus with nothing in them', () => {
    const menus = applicationMenuTemplate([], { isMac: false, appName: 'Easel', devTools: false, onAction() {} });
    expect(labels(menus)).toEqual(['&File', '&View', '&Help']);
  });
});

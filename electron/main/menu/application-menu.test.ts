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
    expect(shape(submenu(menus[1]))).toEqual([
      'edit.undo',
      'edit.redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(shape(submenu(menus[2]))).toEqual(['view.toggleGrid', 'separator', 'togglefullscreen']);
    expect(shape(submenu(menus[3]))).toEqual(['tools.rect', 'separator', 'arrange.bringToFront']);
    expect(shape(submenu(menus[4]))).toEqual(['about']);
  });

  it('carries labels, shortcuts, enabled and checked states, and sends the id back on click', () => {
    const { menus, chosen } = build();
    const [undo, redo] = submenu(menus[1]);
    // Enabled although the board has nothing to undo: a focused text field may (see edit-menu.ts).
    expect(undo).toMatchObject({
      label: 'Undo',
      accelerator: 'CmdOrCtrl+Z',
      enabled: true,
      registerAccelerator: false,
    });
    expect(submenu(menus[0])[0]).toMatchObject({ id: 'file.open', enabled: true, registerAccelerator: false });
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

  it('leaves out menus with nothing in them, but never Edit', () => {
    const menus = applicationMenuTemplate([], { isMac: false, appName: 'Easel', devTools: false, onAction() {} });
    expect(labels(menus)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });
});

describe('the Edit menu', () => {
  const board: MenuTemplate = [
    { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: false, group: 'edit' },
    { id: 'edit.redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', enabled: false, group: 'edit' },
    { id: 'edit.delete', label: 'Delete', accelerator: 'Delete', enabled: true, group: 'edit' },
    { id: 'edit.selectAll', label: 'Select all', accelerator: 'CmdOrCtrl+A', enabled: false, group: 'edit' },
    { id: 'edit.copy', label: 'Copy', accelerator: 'CmdOrCtrl+C', enabled: false, group: 'edit' },
    { id: 'edit.cut', label: 'Cut', accelerator: 'CmdOrCtrl+X', enabled: false, group: 'edit' },
    { id: 'edit.paste', label: 'Paste', accelerator: 'CmdOrCtrl+V', enabled: true, group: 'edit' },
    { id: 'edit.duplicate', label: 'Duplicate', accelerator: 'CmdOrCtrl+D', enabled: true, group: 'edit' },
  ];
  const editOf = (template: MenuTemplate, isMac: boolean) => {
    const chosen: string[] = [];
    const menus = applicationMenuTemplate(template, {
      isMac,
      appName: 'Easel',
      devTools: false,
      onAction: (id) => chosen.push(id),
    });
    return { edit: submenu(menus.find((menu) => menu.label === '&Edit')), chosen };
  };

  it('is the native text editing roles on Home and the join screen, so ⌘C, ⌘V, ⌘A and ⌘Z work in their fields', () => {
    for (const isMac of [true, false]) {
      const { edit } = editOf([], isMac);
      expect(shape(edit)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
      // Registered on macOS, where the menu is what runs these keys in a text field; elsewhere Chromium's bindings do.
      for (const entry of edit.filter((item) => item.role)) expect(entry.registerAccelerator).toBe(isMac);
    }
  });

  it('on a board: Cut, Copy and Paste stay roles (the page’s clipboard events reach the board), undo, redo and select all are the board’s, always enabled', () => {
    const { edit, chosen } = editOf(board, true);
    expect(shape(edit)).toEqual([
      'edit.undo',
      'edit.redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'edit.selectAll',
      'separator',
      'edit.delete',
      'edit.duplicate',
    ]);
    const byId = new Map(edit.map((entry) => [entry.id ?? entry.role, entry]));
    for (const id of ['edit.undo', 'edit.redo', 'edit.selectAll']) {
      expect(byId.get(id), id).toMatchObject({ enabled: true, registerAccelerator: true });
    }
    expect(byId.get('edit.undo')).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z' });
    // The board's own enabled state still counts for the rest.
    expect(byId.get('edit.delete')).toMatchObject({ enabled: true });
    (byId.get('edit.selectAll')!.click as () => void)();
    expect(chosen).toEqual(['edit.selectAll']);
  });
});

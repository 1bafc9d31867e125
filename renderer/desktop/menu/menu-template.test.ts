import { describe, expect, it } from 'vitest';
import { menuTemplateSchema } from '../../../shared/desktop/menu';
import { createDefaultActions } from '../../actions';
import { createTestContext, rect } from '../../actions/test-context';
import { menuTemplateFor } from './menu-template';

describe('the native menu from the actions registry', () => {
  it('lists every action once, valid for the main process, with the keyboard’s shortcuts', () => {
    const registry = createDefaultActions();
    const ctx = createTestContext();
    const template = menuTemplateFor(registry, ctx);
    expect(menuTemplateSchema.safeParse(template).success).toBe(true);
    expect(template.map((item) => item.id)).toEqual(registry.all().map((action) => action.id));
    const byId = new Map(template.map((item) => [item.id, item]));
    expect(byId.get('edit.undo')).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z', group: 'edit' });
    expect(byId.get('file.saveAs')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S', group: 'file' });
    expect(byId.get('tools.rect')?.group).toBe('tools');
  });

  it('follows what can run now: enabled and checked states change with the board', () => {
    const registry = createDefaultActions();
    const ctx = createTestContext();
    const item = (id: string) => menuTemplateFor(registry, ctx).find((entry) => entry.id === id);
    expect(item('edit.undo')?.enabled).toBe(false);
    expect(item('file.save')?.enabled).toBe(false);
    ctx.board.create([rect('a')]);
    expect(item('edit.undo')?.enabled).toBe(true);
    expect(item('file.save')?.enabled).toBe(true);
    const tool = menuTemplateFor(registry, ctx).find((entry) => entry.checked === true);
    expect(tool?.group).toBe('tools');
  });
});

describe('the native menu for a viewer', () => {
  it('offers only what changes nothing, and everything again once the person may edit', () => {
    const registry = createDefaultActions();
    const ctx = createTestContext();
    ctx.board.create([rect('a')]);
    ctx.ui.getState().select(['a']);
    const enabled = () =>
      menuTemplateFor(registry, ctx)
        .filter((item) => item.enabled)
        .map((item) => item.id);
    expect(enabled()).toEqual(expect.arrayContaining(['edit.delete', 'tools.rect', 'edit.undo']));
    ctx.ui.getState().setCanEdit(false);
    expect(enabled()).not.toEqual(expect.arrayContaining(['edit.delete']));
    expect(
      enabled().filter((id) => /^(edit\.(delete|cut|paste|undo|duplicate)|tools\.(rect|pen)|arrange\.)/.test(id)),
    ).toEqual([]);
    expect(enabled()).toEqual(expect.arrayContaining(['edit.copy', 'file.exportPng', 'view.zoomIn']));
    ctx.ui.getState().setCanEdit(true);
    expect(enabled()).toEqual(expect.arrayContaining(['edit.delete', 'tools.rect']));
  });
});

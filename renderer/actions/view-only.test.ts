import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { createDefaultActions } from './registry';
import { createTestContext, keyPress, rect } from './test-context';

describe('the canEdit gate', () => {
  it('leaves a viewer exactly the commands that only look at the board', () => {
    const ctx = createTestContext();
    const registry = createDefaultActions();
    ctx.board.create([rect('a'), rect('b', { x: 300 }), { ...exampleShape('frame', { x: 600 }), index: undefined }]);
    ctx.ui.getState().select(['a']);
    ctx.ui.getState().setCanEdit(false);
    const offered = registry
      .all()
      .filter((action) => registry.isEnabled(action, ctx))
      .map((action) => action.id);
    expect(offered.filter((id) => !id.startsWith('view.') && !id.startsWith('help.'))).toEqual([
      'tools.select',
      'tools.hand',
      'tools.laser',
      'edit.selectAll',
      'edit.copy',
      'file.exportPng',
      'file.exportPngDark',
      'file.exportSvg',
      'file.exportPdf',
      'file.exportPdfDark',
      'file.exportPdfFrames',
      'file.save',
      'file.saveAs',
    ]);
    // Every view and help command stays (zoom, grid, the shortcuts): they change nothing on the board.
    expect(offered).toEqual(expect.arrayContaining(['view.zoomIn', 'view.toggleGrid', 'help.shortcuts']));
  });

  it('makes disabled commands do nothing, by any way they are run', async () => {
    const ctx = createTestContext();
    const registry = createDefaultActions();
    ctx.board.create(rect('a'));
    ctx.ui.getState().select(['a']);
    ctx.ui.getState().setCanEdit(false);
    const deleteAction = registry.get('edit.delete');
    if (!deleteAction?.shortcuts[0]) throw new Error('edit.delete has no shortcut');
    registry.handleKeyDown(keyPress(deleteAction.shortcuts[0], false), ctx);
    await registry.perform('edit.duplicate', ctx);
    await registry.perform('tools.rect', ctx);
    expect(ctx.board.all().map((shape) => shape.id)).toEqual(['a']);
    expect(ctx.ui.getState().tool).toBe('select');
    await registry.perform('edit.copy', ctx);
    expect(await ctx.clipboard.readText()).toContain('"a"');
  });

  it('hands a viewer select for a drawing tool and ends an inline edit; becoming an editor gives everything back', () => {
    const ctx = createTestContext();
    const registry = createDefaultActions();
    ctx.ui.getState().setTool('pen');
    ctx.ui.getState().setEditing('x');
    ctx.ui.getState().setCanEdit(false);
    expect(ctx.ui.getState()).toMatchObject({ tool: 'select', editingId: null, canEdit: false });
    ctx.ui.getState().setCanEdit(true);
    expect(registry.isEnabled('tools.rect', ctx)).toBe(true);
  });
});

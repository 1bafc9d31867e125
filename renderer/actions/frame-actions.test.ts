import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { shapeBounds } from '../shapes';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

function boardWithFrames() {
  const ctx = createTestContext();
  ctx.viewportSize = () => ({ width: 1000, height: 800 });
  const frame = (id: string, x: number, name: string) =>
    exampleShape('frame', { id, x, y: 0, w: 400, h: 300, name, index: undefined as unknown as string });
  ctx.board.create([
    frame('f1', 0, 'Intro / plan'),
    frame('f2', 1000, 'Second'),
    { ...rect('m', { x: 350, y: 10 }), frameId: 'f1' },
  ]);
  return ctx;
}

describe('frame actions', () => {
  it('export the selected frame as PNG and SVG, framed by the frame, members included', async () => {
    const ctx = boardWithFrames();
    const registry = createDefaultActions();
    expect(registry.isEnabled(registry.get('file.exportFramePng')!, ctx)).toBe(false);
    ctx.ui.getState().select(['f1']);
    await registry.perform('file.exportFramePng', ctx);
    await registry.perform('file.exportFrameSvg', ctx);
    expect(ctx.exporter.painted).toEqual([['f1', 'm']]);
    expect(ctx.exporter.views[0]).toEqual(shapeBounds(ctx.board.get('f1')!));
    const [png, svg] = ctx.files.saved;
    expect(png?.name).toBe(`${ctx.boardName}-Intro plan.png`);
    expect(svg?.mimeType).toBe('image/svg+xml');
    expect(String(svg?.data)).toContain('clip-path="url(#easel-frame-f1)"');
    expect(ctx.notices).toEqual([]);
  });

  it('present from the selected frame, step with the next and previous actions, stop', () => {
    const ctx = boardWithFrames();
    const registry = createDefaultActions();
    ctx.ui.getState().select(['m']); // a member names its frame
    void registry.perform('view.present', ctx);
    expect(ctx.ui.getState().presenting).toBe('f1');
    const fitted = ctx.ui.getState().viewport;
    expect(fitted.zoom).toBeGreaterThan(1);
    expect(registry.match({ key: 'PageDown' }, ctx)?.id).toBe('view.nextFrame');
    void registry.perform('view.nextFrame', ctx);
    expect(ctx.ui.getState().presenting).toBe('f2');
    expect(ctx.ui.getState().viewport.x).toBeGreaterThan(fitted.x + 900);
    void registry.perform('view.nextFrame', ctx); // the last one stays
    expect(ctx.ui.getState().presenting).toBe('f2');
    void registry.perform('view.previousFrame', ctx);
    expect(ctx.ui.getState().presenting).toBe('f1');
    void registry.perform('view.stopPresenting', ctx);
    expect(ctx.ui.getState().presenting).toBeNull();
    expect(registry.isEnabled(registry.get('view.nextFrame')!, ctx)).toBe(false);
  });

  it('rename opens the name editor; the frame list toggles', () => {
    const ctx = boardWithFrames();
    const registry = createDefaultActions();
    ctx.ui.getState().select(['f2']);
    void registry.perform('edit.renameFrame', ctx);
    expect(ctx.ui.getState().renamingFrameId).toBe('f2');
    void registry.perform('view.frameList', ctx);
    expect(ctx.ui.getState().frameListOpen).toBe(true);
    expect(registry.match({ key: 'F', shiftKey: true }, ctx)?.id).toBe('view.frameList');
    expect(registry.match({ key: 'f' }, ctx)?.id).toBe('tools.frame');
    expect(registry.match({ key: 'k' }, ctx)?.id).toBe('tools.laser');
  });
});

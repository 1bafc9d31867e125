import { afterEach, describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { estimatingMeasurer, setTextMeasurer } from '../shapes';
import { boundsCentre, unionBounds } from './bounds';
import { CLIPBOARD_KIND, CLIPBOARD_VERSION, eventClipboard } from './clipboard';
import { createDefaultActions } from './registry';
import { createTestContext, rect } from './test-context';

const registry = createDefaultActions();
afterEach(() => setTextMeasurer(estimatingMeasurer));

function withTwoShapes() {
  const ctx = createTestContext();
  ctx.board.create([rect('a', { x: 0, y: 0 }), rect('b', { x: 200, y: 100, groupId: 'g1' })]);
  ctx.ui.getState().select(['b', 'a']);
  return ctx;
}

const envelope = (shapes: unknown[]) => JSON.stringify({ easel: CLIPBOARD_KIND, version: CLIPBOARD_VERSION, shapes });

describe('copy and paste', () => {
  it('round-trip through the clipboard: new ids, same layout, centred on the pointer, on top, selected', async () => {
    const ctx = withTwoShapes();
    await registry.perform('edit.copy', ctx);
    const copied = JSON.parse(await ctx.clipboard.readText()) as { easel: string; version: number; shapes: unknown[] };
    expect(copied).toMatchObject({ easel: 'shapes', version: 1, shapes: [{ id: 'a' }, { id: 'b' }] });

    ctx.board.create(rect('top'));
    ctx.pointerAt = { x: 1000, y: 500 };
    await registry.perform('edit.paste', ctx);

    const pasted = ctx.ui.getState().selection.map((id) => ctx.board.get(id)!);
    expect(pasted).toHaveLength(2);
    expect(pasted.map((shape) => shape.id)).not.toContain('a');
    expect(ctx.board.all().map((shape) => shape.id)).toEqual(['a', 'b', 'top', ...pasted.map((shape) => shape.id)]);
    const [pastedA, pastedB] = pasted;
    expect(pastedB!.x - pastedA!.x).toBe(200);
    expect(pastedB!.y - pastedA!.y).toBe(100);
    expect(boundsCentre(unionBounds(pasted)!)).toEqual({ x: 1000, y: 500 });
    expect(pastedB!.groupIds).toHaveLength(1);
    expect(pastedB!.groupIds).not.toEqual(['g1']);

    // One step: undo takes the whole paste away.
    registry.perform('edit.undo', ctx);
    expect(ctx.board.all().map((shape) => shape.id)).toEqual(['a', 'b', 'top']);
  });

  it('pastes again at a new spot, and where the caller says (context menu)', async () => {
    const ctx = withTwoShapes();
    await registry.perform('edit.copy', ctx);
    await registry.perform('edit.paste', ctx);
    await registry.perform('edit.paste', ctx, { at: { x: -300, y: 40 } });
    expect(ctx.board.all()).toHaveLength(6);
    expect(boundsCentre(unionBounds(ctx.ui.getState().selection.map((id) => ctx.board.get(id)!))!)).toEqual({
      x: -300,
      y: 40,
    });
  });

  it('reads the pointer when paste starts, not when the clipboard answers', async () => {
    const ctx = createTestContext();
    ctx.pointerAt = { x: 50, y: 50 };
    await ctx.clipboard.writeText('hello');
    const done = registry.perform('edit.paste', ctx);
    ctx.pointerAt = { x: 9999, y: 9999 };
    await done;
    const [text] = ctx.board.all();
    expect(boundsCentre(unionBounds([text!])!).x).toBeCloseTo(50);
  });

  it('is disabled for copy and cut without a selection', () => {
    const ctx = createTestContext();
    expect(registry.isEnabled('edit.copy', ctx)).toBe(false);
    expect(registry.isEnabled('edit.cut', ctx)).toBe(false);
    expect(registry.isEnabled('edit.paste', ctx)).toBe(true);
  });
});

describe('cut', () => {
  it('puts the selection on the clipboard and deletes it in one step', async () => {
    const ctx = withTwoShapes();
    await registry.perform('edit.cut', ctx);
    expect(ctx.board.all()).toEqual([]);
    expect(ctx.ui.getState().selection).toEqual([]);
    await registry.perform('edit.paste', ctx);
    expect(ctx.board.all()).toHaveLength(2);
    registry.perform('edit.undo', ctx);
    registry.perform('edit.undo', ctx);
    expect(ctx.board.all().map((shape) => shape.id)).toEqual(['a', 'b']);
  });

  it('keeps the shapes when the clipboard refuses the write', async () => {
    const ctx = withTwoShapes();
    ctx.clipboard.writeText = () => Promise.reject(new Error('denied'));
    await expect(registry.perform('edit.cut', ctx)).rejects.toThrow('denied');
    expect(ctx.board.all()).toHaveLength(2);
  });
});

describe('paste of other text', () => {
  it('skips invalid shapes in an Easel envelope and pastes the valid ones', async () => {
    const ctx = createTestContext();
    const good = exampleShape('ellipse', { id: 'e1' });
    await ctx.clipboard.writeText(envelope([42, { ...good, w: -5 }, { type: 'star' }, good]));
    await registry.perform('edit.paste', ctx);
    expect(ctx.board.all()).toMatchObject([{ type: 'ellipse', w: 60, h: 40 }]);
    expect(ctx.board.has('e1')).toBe(false);
  });

  it('pastes nothing from an envelope without a valid shape, or from empty text', async () => {
    const ctx = createTestContext();
    for (const text of [envelope([{ junk: true }]), envelope([]), '', '  \n ']) {
      await registry.perform('edit.paste', ctx, { text });
    }
    expect(ctx.board.all()).toEqual([]);
    expect(ctx.undo.canUndo).toBe(false);
  });

  it.each([
    ['plain text', 'Buy milk\nand eggs'],
    ['JSON that is not ours', '{"easel":"board","shapes":[]}'],
    ['broken JSON', '{"easel":"shapes",'],
  ])('pastes %s as a text shape centred on the pointer, in the current style', async (_kind, text) => {
    const ctx = createTestContext();
    ctx.ui.getState().setStyle({ stroke: '#ff0000', fontSize: 30 });
    ctx.pointerAt = { x: 400, y: 300 };
    await ctx.clipboard.writeText(text);
    await registry.perform('edit.paste', ctx);
    const [shape] = ctx.board.all();
    expect(shape).toMatchObject({ type: 'text', text, fontSize: 30, style: { stroke: '#ff0000' }, rotation: 0 });
    expect(ctx.ui.getState().selection).toEqual([shape!.id]);
    const centre = boundsCentre(unionBounds([shape!])!);
    expect(centre.x).toBeCloseTo(400);
    expect(centre.y).toBeCloseTo(300);
  });

  it('centres text by the width the canvas measures, not by an estimate of glyph widths', async () => {
    setTextMeasurer((line, fontSize) => line.length * fontSize); // glyphs far wider than the estimate's 0.6 em
    const ctx = createTestContext();
    ctx.pointerAt = { x: 400, y: 300 };
    await registry.perform('edit.paste', ctx, { text: 'Pasted from elsewhere' });
    const [shape] = ctx.board.all();
    expect(boundsCentre(unionBounds([shape!])!)).toEqual({ x: 400, y: 300 });
  });

  it('normalises line ends and cuts text to the longest a text shape may hold', async () => {
    const ctx = createTestContext();
    await registry.perform('edit.paste', ctx, { text: 'one\r\ntwo\rthree' });
    await registry.perform('edit.paste', ctx, { text: 'x'.repeat(30_000) });
    const [first, second] = ctx.board.all();
    expect(first).toMatchObject({ text: 'one\ntwo\nthree' });
    expect(second!.type === 'text' && second!.text.length).toBe(20_000);
  });

  it('prefers text handed in (from a paste event) over reading the clipboard', async () => {
    const ctx = createTestContext();
    await ctx.clipboard.writeText('from the clipboard');
    await registry.perform('edit.paste', ctx, { text: 'from the event' });
    expect(ctx.board.all()).toMatchObject([{ text: 'from the event' }]);
  });
});

/** A copy, cut or paste event's clipboardData, as far as the board uses it. */
class EventData {
  readonly data = new Map<string, string>();
  getData(type: string): string {
    return this.data.get(type) ?? '';
  }
  setData(type: string, value: string): void {
    this.data.set(type, value);
  }
}

describe('the page’s copy, cut and paste events', () => {
  it('copy writes the shapes into the event’s clipboard before the handler returns, and only with a selection', () => {
    const ctx = withTwoShapes();
    const event = new EventData();
    expect(registry.handleClipboardEvent('copy', eventClipboard(event), ctx)?.id).toBe('edit.copy');
    // Synchronously: the browser reads clipboardData when the event's dispatch ends.
    expect(JSON.parse(event.getData('text/plain'))).toMatchObject({
      easel: 'shapes',
      shapes: [{ id: 'a' }, { id: 'b' }],
    });

    ctx.ui.getState().select([]);
    const nothing = new EventData();
    expect(registry.handleClipboardEvent('copy', eventClipboard(nothing), ctx)).toBeUndefined();
    expect(nothing.data.size).toBe(0);
  });

  it('cut writes synchronously, then removes the shapes; paste reads the event’s text at the pointer', async () => {
    const ctx = withTwoShapes();
    const event = new EventData();
    expect(registry.handleClipboardEvent('cut', eventClipboard(event), ctx)?.id).toBe('edit.cut');
    expect(event.getData('text/plain')).toContain('"easel":"shapes"');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ctx.board.all()).toEqual([]);

    ctx.pointerAt = { x: 40, y: 60 };
    expect(registry.handleClipboardEvent('paste', eventClipboard(event), ctx)?.id).toBe('edit.paste');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ctx.board.all()).toHaveLength(2);
    expect(boundsCentre(unionBounds(ctx.board.all())!)).toEqual({ x: 40, y: 60 });
    // The system clipboard was never asked.
    expect(await ctx.clipboard.readText()).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeBoardFile, encodeBoardFile, MAX_TEXT_LENGTH, type Shape } from '../../shared/model';
import { exampleShape, exampleShapes } from '../../shared/model/shapes/examples';
import { BOARD_FILE_ACCEPT } from './file-actions';
import { createDefaultActions } from './registry';
import { createTestContext, keyPress, PNG_SIGNATURE, rect, type TestContext } from './test-context';

const registry = createDefaultActions();
const FILE_ACTIONS = [
  'file.exportPng',
  'file.exportPngDark',
  'file.exportSvg',
  'file.exportPdf',
  'file.exportPdfDark',
  'file.exportPdfFrames',
  'file.save',
  'file.saveAs',
  'file.open',
  'file.exportFramePng',
  'file.exportFrameSvg',
  'file.insertImage',
];

function withShapes(): TestContext {
  const ctx = createTestContext();
  ctx.board.create([rect('a', { x: 0, y: 0 }), rect('b', { x: 300, y: 200 }), rect('c', { x: -50, y: 40 })]);
  return ctx;
}

async function savedText(ctx: TestContext, at = 0): Promise<string> {
  const data = ctx.files.saved[at]?.data;
  if (data === undefined) throw new Error(`no file saved at ${at}`);
  return typeof data === 'string' ? data : new TextDecoder().decode(data instanceof Blob ? await data.bytes() : data);
}

const fileWith = (shapes: unknown[], fields: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'easel', version: 1, exportedAt: '2025-03-01T12:00:00.000Z', shapes, ...fields });

/** Opens `content` as `name` through the action, as if the user picked it. */
async function open(ctx: TestContext, name: string, content: string | Uint8Array): Promise<void> {
  ctx.files.willOpen(name, content);
  await registry.perform('file.open', ctx);
}

describe('the file actions', () => {
  it('are registered in the file group with their shortcuts', () => {
    const ctx = createTestContext();
    expect(
      registry
        .all()
        .filter((action) => action.group === 'file')
        .map((action) => action.id),
    ).toEqual(FILE_ACTIONS);
    expect(registry.match({ key: 'E', ctrlKey: true, shiftKey: true }, ctx)?.id).toBe('file.exportPng');
    expect(registry.match({ key: 's', ctrlKey: true }, ctx)?.id).toBe('file.save');
    expect(registry.match({ key: 'o', ctrlKey: true }, ctx)?.id).toBe('file.open');
    const mac = createTestContext({ isMac: true });
    expect(registry.match(keyPress({ key: 's', mod: true }, true), mac)?.id).toBe('file.save');
  });

  it('export and save are disabled on an empty board, but Ctrl+S is still theirs (no "Save page as")', () => {
    const ctx = createTestContext();
    for (const id of ['file.exportPng', 'file.exportSvg', 'file.save'])
      expect(registry.isEnabled(id, ctx), id).toBe(false);
    expect(registry.isEnabled('file.open', ctx)).toBe(true);
    // The key handler preventDefaults whatever handleKeyDown returns, enabled or not.
    expect(registry.handleKeyDown({ key: 's', ctrlKey: true }, ctx)?.id).toBe('file.save');
    expect(ctx.files.saved).toEqual([]);
    ctx.board.create(rect('a'));
    // Insert image waits for the board's images instead (image-actions.test.ts).
    for (const id of FILE_ACTIONS.filter(
      (id) => id !== 'file.exportPdfFrames' && !id.startsWith('file.exportFrame') && id !== 'file.insertImage',
    )) {
      expect(registry.isEnabled(id, ctx), id).toBe(true);
    }
    expect(registry.isEnabled('file.exportPdfFrames', ctx)).toBe(false); // no frame yet
    ctx.board.create({ ...exampleShape('frame'), index: undefined });
    expect(registry.isEnabled('file.exportPdfFrames', ctx)).toBe(true);
  });

  it('an export of nothing says so instead of writing a blank file', async () => {
    const ctx = createTestContext();
    const exportSvg = registry.get('file.exportSvg')!;
    await exportSvg.perform(ctx); // run directly: the registry would not run a disabled action
    await registry.get('file.exportPng')!.perform(ctx);
    expect(ctx.files.saved).toEqual([]);
    expect(ctx.notices).toEqual([
      { kind: 'error', message: 'Export SVG failed: there is nothing to export: the board is empty' },
      { kind: 'error', message: 'Export PNG failed: there is nothing to export: the board is empty' },
    ]);
  });
});

describe('export', () => {
  it('writes the whole board as SVG, one element per shape, named after the board', async () => {
    const ctx = withShapes();
    await registry.perform('file.exportSvg', ctx);
    expect(ctx.files.saved.map(({ name, mimeType }) => ({ name, mimeType }))).toEqual([
      { name: 'test-board.svg', mimeType: 'image/svg+xml' },
    ]);
    const svg = await savedText(ctx);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/data-shape="rect"/g)).toHaveLength(3);
    expect(ctx.notices).toEqual([]);
  });

  it('exports only the selection when there is one, in z-order, and says so in the name', async () => {
    const ctx = withShapes();
    ctx.ui.getState().select(['c', 'a']);
    await registry.perform('file.exportSvg', ctx);
    await registry.perform('file.exportPng', ctx);
    expect(ctx.files.saved.map((file) => file.name)).toEqual(['test-board-selection.svg', 'test-board-selection.png']);
    expect((await savedText(ctx)).match(/data-shape=/g)).toHaveLength(2);
    expect(ctx.exporter.painted).toEqual([['a', 'c']]);
  });

  it('exports light unless the dark PNG is asked for, named so', async () => {
    const ctx = withShapes();
    await registry.perform('file.exportPng', ctx);
    await registry.perform('file.exportPngDark', ctx);
    expect(ctx.exporter.themes).toEqual(['light', 'dark']);
    expect(ctx.files.saved.map((file) => file.name)).toEqual(['test-board.png', 'test-board-dark.png']);
  });

  it('exports a PDF of the board, one page framed like the SVG, titled and named after the board', async () => {
    const ctx = withShapes();
    await registry.perform('file.exportPdf', ctx);
    expect(ctx.files.saved.map(({ name, mimeType }) => ({ name, mimeType }))).toEqual([
      { name: 'test-board.pdf', mimeType: 'application/pdf' },
    ]);
    expect(await savedText(ctx)).toBe('%PDF-1.3\na,b,c');
    const [pdf] = ctx.exporter.pdfs;
    expect(pdf?.options).toEqual({ title: 'test-board' });
    expect(pdf?.pages).toHaveLength(1);
    // The shapes span -51..421 × 19..301 (their strokes included), plus 16 units of padding, at 0.75 pt a unit.
    expect(pdf?.pages[0]).toMatchObject({ width: (472 + 32) * 0.75, height: (282 + 32) * 0.75 });
    expect(ctx.notices).toEqual([]);
  });

  it('hands the PDF the pictures of its image shapes as data URLs, as the SVG gets them', async () => {
    const picture = { sha256: 'a'.repeat(64), mime: 'image/png' as const, bytes: new Uint8Array([1, 2, 3]) };
    const ctx = createTestContext({
      images: {
        insert: async () => undefined,
        insertPlaced: async () => undefined,
        filesFor: async (wanted) => (wanted.some((image) => image.sha256 === picture.sha256) ? [picture] : []),
      },
    });
    ctx.board.create({ ...exampleShape('image', { sha256: picture.sha256, mime: 'image/png' }), index: undefined });
    await registry.perform('file.exportPdf', ctx);
    expect(ctx.exporter.pdfs[0]?.options.imageUrls).toEqual(new Map([[picture.sha256, 'data:image/png;base64,AQID']]));
  });

  it('exports a dark PDF only when asked, named so', async () => {
    const ctx = withShapes();
    await registry.perform('file.exportPdf', ctx);
    await registry.perform('file.exportPdfDark', ctx);
    expect(ctx.exporter.pdfs.map((pdf) => pdf.options)).toEqual([
      { title: 'test-board' },
      { title: 'test-board', theme: 'dark' },
    ]);
    expect(ctx.files.saved.map((file) => file.name)).toEqual(['test-board.pdf', 'test-board-dark.pdf']);
  });

  it('exports a PDF of the selection when there is one, named so', async () => {
    const ctx = withShapes();
    ctx.ui.getState().select(['c', 'a']);
    await registry.perform('file.exportPdf', ctx);
    expect(ctx.files.saved.map((file) => file.name)).toEqual(['test-board-selection.pdf']);
    expect(ctx.exporter.pdfs[0]?.pages.map((page) => page.shapes.map((shape) => shape.id))).toEqual([['a', 'c']]);
  });

  it('exports a PDF of frames, a page per frame in board order holding its members, or of the selected ones', async () => {
    const ctx = createTestContext();
    const frame = (id: string, x: number) => ({
      ...exampleShape('frame', { id, x, y: 0, w: 400, h: 200 }),
      index: undefined,
    });
    ctx.board.create([
      frame('second', 600),
      rect('in-second', { x: 620, y: 20, frameId: 'second' }),
      frame('first', 0),
      rect('in-first', { x: 20, y: 20, frameId: 'first' }),
      rect('loose', { x: 0, y: 400 }),
    ]);
    ctx.board.reorder(['first'], 'back'); // board order: first, then second
    await registry.perform('file.exportPdfFrames', ctx);
    expect(ctx.files.saved.map(({ name, mimeType }) => ({ name, mimeType }))).toEqual([
      { name: 'test-board-frames.pdf', mimeType: 'application/pdf' },
    ]);
    const pages = ctx.exporter.pdfs[0]!.pages;
    expect(pages.map((page) => page.shapes.map((shape) => shape.id))).toEqual([
      ['first', 'in-first'],
      ['second', 'in-second'],
    ]);
    // Each page is its frame (its 2-unit outline included), at 0.75 pt a unit.
    expect(pages.map(({ width, height }) => [width, height])).toEqual([
      [402 * 0.75, 202 * 0.75],
      [402 * 0.75, 202 * 0.75],
    ]);
    expect(pages[1]!.view).toEqual({ minX: 599, minY: -1, maxX: 1001, maxY: 201 });

    ctx.ui.getState().select(['second', 'loose']);
    await registry.perform('file.exportPdfFrames', ctx);
    expect(ctx.exporter.pdfs[1]!.pages.map((page) => page.shapes.map((shape) => shape.id))).toEqual([
      ['second', 'in-second'],
    ]);
  });

  it('a PDF that cannot be made is an error notice, and nothing is saved', async () => {
    const ctx = withShapes();
    ctx.exporter.failWith = new Error('the PDF code could not be loaded');
    await registry.perform('file.exportPdf', ctx);
    expect(ctx.files.saved).toEqual([]);
    expect(ctx.notices).toEqual([{ kind: 'error', message: 'Export PDF failed: the PDF code could not be loaded' }]);
    const empty = createTestContext();
    await registry.get('file.exportPdf')!.perform(empty);
    expect(empty.exporter.pdfs).toEqual([]);
    expect(empty.notices).toEqual([
      { kind: 'error', message: 'Export PDF failed: there is nothing to export: the board is empty' },
    ]);
  });

  it('a selection of shapes a peer has since deleted exports the whole board', async () => {
    const ctx = withShapes();
    ctx.ui.getState().select(['gone']);
    await registry.perform('file.exportPng', ctx);
    expect(ctx.files.saved[0]?.name).toBe('test-board.png');
    expect(ctx.exporter.painted).toEqual([['a', 'b', 'c']]);
  });

  it('saves the PNG the renderer painted', async () => {
    const ctx = withShapes();
    await registry.perform('file.exportPng', ctx);
    const [file] = ctx.files.saved;
    expect(file?.mimeType).toBe('image/png');
    const bytes = await (file?.data as Blob).bytes();
    expect(bytes.slice(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('a renderer that fails is reported, and nothing is saved', async () => {
    const ctx = withShapes();
    ctx.exporter.failWith = new Error('the browser refused a 40000 × 20000 px canvas');
    await registry.perform('file.exportPng', ctx);
    expect(ctx.files.saved).toEqual([]);
    expect(ctx.notices).toEqual([
      { kind: 'error', message: 'Export PNG failed: the browser refused a 40000 × 20000 px canvas' },
    ]);
  });
});

describe('save board file', () => {
  it('writes every shape of the board (not only the selection) as <board>.easel', async () => {
    const ctx = withShapes();
    ctx.ui.getState().select(['a']);
    await registry.perform('file.save', ctx);
    expect(ctx.files.saved.map(({ name, mimeType }) => ({ name, mimeType }))).toEqual([
      { name: 'test-board.easel', mimeType: 'application/json' },
    ]);
    const decoded = decodeBoardFile(await savedText(ctx));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.file.name).toBe('test-board');
    expect(decoded.file.shapes).toEqual(ctx.board.all());
    expect(decoded.skipped).toEqual([]);
  });

  it('is saved as this board’s document: Save may write to the same file again, Save As asks where', async () => {
    const ctx = withShapes();
    await registry.perform('file.save', ctx);
    await registry.perform('file.saveAs', ctx);
    expect(ctx.files.saved.map(({ name, documentKey, askWhere }) => ({ name, documentKey, askWhere }))).toEqual([
      { name: 'test-board.easel', documentKey: 'board:test-board', askWhere: undefined },
      { name: 'test-board.easel', documentKey: 'board:test-board', askWhere: true },
    ]);
    // The same board, apart from when each was written (two saves may fall in different milliseconds).
    const withoutTime = async (at: number) => ({ ...JSON.parse(await savedText(ctx, at)), exportedAt: undefined });
    expect(await withoutTime(1)).toEqual(await withoutTime(0));
  });

  it('Save As is Ctrl+Shift+S and, like Save, needs shapes to save', () => {
    const ctx = createTestContext();
    expect(registry.isEnabled('file.saveAs', ctx)).toBe(false);
    expect(registry.match({ key: 'S', ctrlKey: true, shiftKey: true }, ctx)?.id).toBe('file.saveAs');
    expect(registry.match({ key: 's', ctrlKey: true }, ctx)?.id).toBe('file.save');
  });
});

describe('open board file', () => {
  it('asks for .easel files, and does nothing when the user cancels', async () => {
    const ctx = withShapes();
    const before = ctx.board.all();
    ctx.files.willCancel();
    await registry.perform('file.open', ctx);
    expect(ctx.files.openRequests).toEqual([{ accept: BOARD_FILE_ACCEPT }]);
    expect(ctx.board.all()).toEqual(before);
    expect(ctx.notices).toEqual([]);
  });

  it('adds a saved board to this one: fresh ids, on top in the same order, same places, selected, one undo step', async () => {
    const source = withShapes();
    await registry.perform('file.save', source);
    const text = await savedText(source);

    const ctx = createTestContext();
    ctx.board.create([rect('mine', { x: 0, y: 0 }), rect('top', { x: 5, y: 5 })]);
    ctx.undo.clear();
    await open(ctx, 'retro.easel', text);

    const all = ctx.board.all();
    expect(all).toHaveLength(5);
    expect(all.slice(0, 2).map((shape) => shape.id)).toEqual(['mine', 'top']);
    const imported = all.slice(2);
    const originals = source.board.all();
    expect(imported.map((shape) => shape.id)).not.toContain('a');
    expect(imported.map(({ x, y }) => ({ x, y }))).toEqual(originals.map(({ x, y }) => ({ x, y })));
    expect(ctx.ui.getState().selection).toEqual(imported.map((shape) => shape.id));
    expect(ctx.notices).toEqual([]);

    registry.perform('edit.undo', ctx);
    expect(ctx.board.all().map((shape) => shape.id)).toEqual(['mine', 'top']);
  });

  it('keeps groups together under new group ids, and every kind of shape survives the round trip', async () => {
    const ctx = createTestContext();
    const shapes: Shape[] = [
      // Images wait for their upload before they are written (image-actions.test.ts).
      ...exampleShapes().filter((shape) => shape.type !== 'image'),
      exampleShape('rect', { id: 'g1', index: 'a8', groupId: 'grp' }),
      exampleShape('rect', { id: 'g2', index: 'a9', groupId: 'grp' }),
    ];
    await open(ctx, 'all.easel', encodeBoardFile(shapes));
    const all = ctx.board.all();
    expect(all.map((shape) => shape.type)).toEqual(shapes.map((shape) => shape.type));
    const [g1, g2] = all.slice(-2);
    // A file from before nested groups (one groupId) opens with its group as a path of one.
    expect(g1!.groupIds).toHaveLength(1);
    expect(g1!.groupIds).not.toEqual(['grp']);
    expect(g2!.groupIds).toEqual(g1!.groupIds);
    const strip = ({ id: _id, index: _index, groupId: _groupId, groupIds: _groupIds, ...rest }: Shape) => rest;
    expect(all.map(strip)).toEqual(shapes.map(strip));
  });

  it('stacks the file in its z-order even when the file lists shapes out of order', async () => {
    const ctx = createTestContext();
    await open(
      ctx,
      'hand-edited.easel',
      fileWith([
        exampleShape('rect', { id: 'upper', index: 'a5', x: 1 }),
        exampleShape('rect', { id: 'lower', index: 'a1', x: 2 }),
      ]),
    );
    expect(ctx.board.all().map((shape) => shape.x)).toEqual([2, 1]);
  });

  it.each([
    ['not JSON', '{"format": "easel",', /^Could not open “bad\.easel”: the file is not valid JSON \(.+\)\.$/],
    ['another format', JSON.stringify({ format: 'excalidraw', elements: [] }), /this is not an Easel board file\.$/],
    [
      'a newer version',
      fileWith([], { version: 3 }),
      /made by a newer Easel \(version 3\); update Easel to open it\.$/,
    ],
    ['no shapes array', fileWith([], { shapes: 'none' }), /the file has no shapes array\.$/],
    ['no shapes', fileWith([]), /the file has no shapes\.$/],
    [
      'only invalid shapes',
      fileWith([exampleShape('rect', { w: -1 }), 'nope']),
      /none of its shapes is valid \(shapes\[0\]: w: .*; shapes\[1\]: shape: .*\)\.$/,
    ],
  ])('refuses %s with a message, changing nothing', async (_what, content, message) => {
    const ctx = withShapes();
    ctx.ui.getState().select(['b']);
    ctx.undo.clear();
    const before = ctx.board.all();
    await open(ctx, 'bad.easel', content);
    expect(ctx.board.all()).toEqual(before);
    expect(ctx.ui.getState().selection).toEqual(['b']);
    expect(ctx.undo.canUndo).toBe(false); // not even an empty step
    expect(ctx.notices).toHaveLength(1);
    expect(ctx.notices[0]?.kind).toBe('error');
    expect(ctx.notices[0]?.message).toMatch(message);
  });

  it('refuses a binary file without trying to read it as text', async () => {
    const ctx = withShapes();
    await open(ctx, 'photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    expect(ctx.board.all()).toHaveLength(3);
    expect(ctx.notices).toEqual([
      { kind: 'error', message: 'Could not open “photo.png”: this is not an Easel board file (it is not UTF-8 text).' },
    ]);
  });

  it('refuses a file whose shapes make a change bigger than a relay accepts, changing nothing', async () => {
    // 450 texts of 20,000 characters (the most a text holds): about 9 MB of Yjs update, over the 8 MB limit.
    const text = (n: number) => exampleShape('text', { id: `text-${n}`, text: 'x'.repeat(MAX_TEXT_LENGTH) });
    const ctx = withShapes();
    ctx.undo.clear();
    await open(ctx, 'huge.easel', fileWith(Array.from({ length: 450 }, (_, n) => text(n))));
    expect(ctx.board.all()).toHaveLength(3);
    expect(ctx.undo.canUndo).toBe(false);
    expect(ctx.notices).toEqual([
      {
        kind: 'error',
        message: expect.stringMatching(
          /^Could not open “huge\.easel”: its 450 shapes would make one change of \d+(\.\d)? MB, more than the 8 MB a relay accepts at once\.$/,
        ),
      },
    ]);
  });

  it('adds the valid shapes of a file damaged in places, and says which it left out', async () => {
    const ctx = createTestContext();
    await open(
      ctx,
      'damaged.easel',
      fileWith([
        exampleShape('rect', { id: 'ok1' }),
        exampleShape('ellipse', { id: 'bad', w: -5 }),
        exampleShape('note', { id: 'ok2', index: 'a1' }),
      ]),
    );
    expect(ctx.board.all().map((shape) => shape.type)).toEqual(['rect', 'note']);
    expect(ctx.notices).toEqual([
      {
        kind: 'warning',
        message: expect.stringMatching(
          /^Opened “damaged\.easel”: added 2 shapes; left out 1 invalid shape \(shapes\[1\]: w: .+\)\.$/,
        ),
      },
    ]);
  });

  it('names at most three skipped shapes', async () => {
    const ctx = createTestContext();
    const bad = Array.from({ length: 5 }, () => 'nope');
    await open(ctx, 'many.easel', fileWith([exampleShape('rect'), ...bad]));
    expect(ctx.notices[0]?.message).toMatch(
      /left out 5 invalid shapes \(shapes\[1\]: .*; shapes\[2\]: .*; shapes\[3\]: .*; …\)\.$/,
    );
  });

  it('brings the shapes into view when they land off screen, keeping the zoom', async () => {
    const ctx = createTestContext();
    ctx.ui.getState().setViewport({ x: 0, y: 0, zoom: 2 });
    await open(ctx, 'far.easel', fileWith([exampleShape('rect', { x: 5000, y: 3000, w: 100, h: 100 })]));
    const { viewport } = ctx.ui.getState();
    expect(viewport.zoom).toBe(2);
    // The rect's centre (5050, 3050) is now in the middle of the 1000 × 800 canvas.
    expect(viewport.x + 1000 / 2 / 2).toBeCloseTo(5050);
    expect(viewport.y + 800 / 2 / 2).toBeCloseTo(3050);

    // Shapes already on screen leave the view where it is.
    ctx.ui.getState().setViewport({ x: 4900, y: 2900, zoom: 1 });
    await open(ctx, 'near.easel', fileWith([exampleShape('rect', { x: 5000, y: 3000 })]));
    expect(ctx.ui.getState().viewport).toEqual({ x: 4900, y: 2900, zoom: 1 });
  });
});

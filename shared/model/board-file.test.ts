import { describe, expect, it } from 'vitest';
import { boardFileTooLarge, decodeBoardFile, encodeBoardFile } from './board-file';
import { MAX_BOARD_FILE_CHARS } from './limits';
import { exampleShape, exampleShapes } from './shapes/examples';

const exportedAt = new Date('2025-03-01T12:00:00.000Z');

function fileText(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'easel', version: 1, exportedAt: exportedAt.toISOString(), shapes: [], ...fields });
}

function errorOf(text: string): string {
  const result = decodeBoardFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('.easel board files', () => {
  it('round-trips shapes and metadata, writing shapes in z-order', () => {
    const shapes = exampleShapes().reverse();
    const result = decodeBoardFile(encodeBoardFile(shapes, { name: 'Sprint retro', exportedAt }));
    expect(result).toEqual({
      ok: true,
      file: {
        format: 'easel',
        version: 2,
        name: 'Sprint retro',
        exportedAt: '2025-03-01T12:00:00.000Z',
        shapes: exampleShapes(),
      },
      skipped: [],
      skippedFiles: [],
    });
  });

  it('version 2 embeds image files as base64 and reads them back byte for byte', () => {
    const image = exampleShape('image', { id: 'i', index: 'a0' });
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256); // past one base64 chunk
    const text = encodeBoardFile([image], { exportedAt }, [{ sha256: image.sha256, mime: 'image/png', bytes }]);
    const json = JSON.parse(text) as { version: number; files: Record<string, { mime: string; data: string }> };
    expect(json.version).toBe(2);
    expect(Object.keys(json.files)).toEqual([image.sha256]);
    expect(json.files[image.sha256]?.data).toBe(Buffer.from(bytes).toString('base64'));
    const result = decodeBoardFile(text);
    expect(result.ok && result.file.files).toEqual([{ sha256: image.sha256, mime: 'image/png', bytes }]);
    expect(result.ok && result.file.shapes).toEqual([image]);
  });

  it('still opens version 1 files (no files), and writes no files key without images', () => {
    const old = decodeBoardFile(fileText({ shapes: [exampleShape('rect')] }));
    expect(old.ok && old.file.version).toBe(1);
    expect(old.ok && old.file.files).toBeUndefined();
    expect(JSON.parse(encodeBoardFile([exampleShape('rect')]))).not.toHaveProperty('files');
  });

  it('skips and names malformed embedded files, keeping the rest of the file', () => {
    const good = 'c'.repeat(64);
    const text = fileText({
      version: 2,
      files: {
        [good]: { mime: 'image/gif', data: 'R0lGODlh' },
        'not-a-hash': { mime: 'image/png', data: 'AAAA' },
        ['d'.repeat(64)]: { mime: 'image/svg+xml', data: 'AAAA' },
        ['e'.repeat(64)]: { mime: 'image/png', data: '***' },
      },
    });
    const result = decodeBoardFile(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.file.files?.map((file) => file.sha256)).toEqual([good]);
    expect(result.skippedFiles).toHaveLength(3);
    expect(result.skippedFiles[0]).toMatch(/not-a-hash.*not a SHA-256/);
  });

  it('opens a file written before frames, and keeps a frame and its members', () => {
    // A version 1 file from before frames: no frame kind, no frameId anywhere.
    const before = fileText({ shapes: exampleShapes().filter((shape) => shape.type !== 'frame') });
    const old = decodeBoardFile(before);
    expect(old.ok && old.file.shapes.length).toBe(exampleShapes().length - 1);
    expect(old.ok && old.skipped).toEqual([]);
    const frame = exampleShape('frame', { id: 'f', index: 'a0' });
    const member = exampleShape('note', { id: 'n', index: 'a1', frameId: 'f' });
    const result = decodeBoardFile(encodeBoardFile([member, frame], { exportedAt }));
    expect(result.ok && result.file.shapes).toEqual([frame, member]);
  });

  it('opens a file made before labels, and keeps the labels of one made after', () => {
    // Written out by hand as Easel wrote it before shapes had labels: no label fields anywhere.
    const style = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 };
    const common = { x: 0, y: 0, rotation: 0, opacity: 1, style };
    const before = [
      { type: 'rect', id: 'r', index: 'a0', ...common, w: 120, h: 80 },
      { type: 'ellipse', id: 'e', index: 'a1', ...common, w: 60, h: 40 },
      {
        type: 'arrow',
        id: 'a',
        index: 'a2',
        ...common,
        points: [0, 0, 100, 0],
        arrowheads: { start: false, end: true },
      },
      { type: 'note', id: 'n', index: 'a3', ...common, text: 'Hi', color: '#ffd966', w: 200, h: 200, fontSize: 20 },
    ];
    const old = decodeBoardFile(fileText({ shapes: before }));
    if (!old.ok) throw new Error(old.error);
    expect(old.skipped).toEqual([]);
    expect(old.file.shapes).toEqual(before);

    const labelled = [
      exampleShape('rect', { label: 'Start', labelFontSize: 30 }),
      exampleShape('arrow', { id: 'arrow-2', index: 'a1', label: 'yes', labelAlign: 'left' }),
    ];
    const result = decodeBoardFile(encodeBoardFile(labelled, { exportedAt }));
    expect(result.ok && result.file.shapes).toEqual(labelled);
  });

  it('leaves the name out when there is none and stamps the time of export', () => {
    const before = Date.now();
    const result = decodeBoardFile(encodeBoardFile([]));
    if (!result.ok) throw new Error(result.error);
    expect('name' in result.file).toBe(false);
    expect(Date.parse(result.file.exportedAt)).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('refuses what is not an Easel file, with a reason the user can act on', () => {
    expect(errorOf('')).toMatch(/not valid JSON/);
    expect(errorOf('{"format": "easel",')).toMatch(/not valid JSON/);
    expect(errorOf('[]')).toMatch(/not an Easel board file/);
    expect(errorOf('null')).toMatch(/not an Easel board file/);
    expect(errorOf(fileText({ format: 'excalidraw' }))).toMatch(/not an Easel board file/);
    expect(errorOf(fileText({ version: undefined }))).toMatch(/no valid format version/);
    expect(errorOf(fileText({ version: '1' }))).toMatch(/no valid format version/);
    expect(errorOf(fileText({ version: 0 }))).toMatch(/no valid format version/);
    expect(errorOf(fileText({ shapes: undefined }))).toMatch(/no shapes array/);
    expect(errorOf(fileText({ shapes: { 0: exampleShape('rect') } }))).toMatch(/no shapes array/);
    expect(errorOf(fileText({ exportedAt: 'yesterday' }))).toMatch(/^exportedAt: /);
    expect(errorOf(fileText({ name: 42 }))).toMatch(/^name: /);
  });

  it('says when a newer Easel made the file', () => {
    expect(errorOf(fileText({ version: 3 }))).toBe(
      'this board was made by a newer Easel (version 3); update Easel to open it',
    );
  });

  it('refuses a file over the limit before parsing it, and a save that would not open again', () => {
    expect(MAX_BOARD_FILE_CHARS).toBe(400 * 1024 * 1024);
    const limit = 2 * 1024 * 1024; // the same check at a size a test can afford
    const huge = fileText({}).padEnd(limit + 1, ' '); // valid JSON, but too much of it
    const decoded = decodeBoardFile(huge, limit);
    expect(decoded.ok ? null : decoded.error).toMatch(/too large \(more than 2 MB\)/);
    expect(boardFileTooLarge(huge, limit)).toMatch(/would be 2 MB, more than the 2 MB Easel opens; .*remove some/);
    expect(boardFileTooLarge(fileText({}), limit)).toBeNull();
  });

  it('skips and reports invalid shapes and repeated ids, keeping the rest', () => {
    const good = exampleShape('rect', { id: 'good' });
    const text = fileText({
      shapes: [
        good,
        exampleShape('ellipse', { id: 'bad-size', w: -5 }),
        'not a shape',
        exampleShape('note', { id: 'good', index: 'a5' }),
        exampleShape('text', { id: 'other' }),
      ],
    });
    const result = decodeBoardFile(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.file.shapes.map((shape) => shape.id)).toEqual(['good', 'other']);
    expect(result.skipped).toEqual([
      { index: 1, error: expect.stringMatching(/^w: /) },
      { index: 2, error: expect.stringMatching(/^shape: /) },
      { index: 3, error: 'id: "good" is already used by shapes[0]' },
    ]);
  });

  it('accepts a date-time with an offset, as other tools may write it', () => {
    expect(decodeBoardFile(fileText({ exportedAt: '2025-03-01T13:00:00+01:00' })).ok).toBe(true);
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir';
import { type DialogPort, FileService } from './file-service';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-files-');
});
afterEach(() => dir.remove());

/** Answers the dialogs the way a person clicking through them would; records what it was shown. */
class ScriptedDialogs implements DialogPort {
  shown: unknown[] = [];
  constructor(private readonly answers: (string | null)[]) {}
  private next(): string | null {
    if (this.answers.length === 0) throw new Error('no more scripted answers');
    return this.answers.shift()!;
  }
  async showOpenDialog(options: unknown) {
    this.shown.push(options);
    const answer = this.next();
    return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
  }
  async showSaveDialog(options: unknown) {
    this.shown.push(options);
    const answer = this.next();
    return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);
const service = (answers: (string | null)[]) => {
  const dialogs = new ScriptedDialogs(answers);
  return { dialogs, files: new FileService(dialogs, { defaultDir: () => dir.path }) };
};

describe('FileService', () => {
  it('opens the chosen board, and may then write it back', async () => {
    const file = path.join(dir.path, 'retro.easel');
    await fs.writeFile(file, '{"format":"easel"}');
    const { files, dialogs } = service([file]);
    const result = await files.open('board');
    expect(result).toEqual({
      canceled: false,
      file: { path: file, name: 'retro.easel', bytes: bytes('{"format":"easel"}') },
    });
    expect(dialogs.shown[0]).toMatchObject({ filters: [{ extensions: ['easel'] }], properties: ['openFile'] });
    await files.write({ path: file, bytes: bytes('saved again') });
    expect(await fs.readFile(file, 'utf8')).toBe('saved again');
  });

  it('reports a cancelled dialog, and refuses a file of the wrong kind', async () => {
    const other = path.join(dir.path, 'notes.txt');
    await fs.writeFile(other, 'x');
    const { files } = service([null, other]);
    expect(await files.open('board')).toEqual({ canceled: true });
    await expect(files.open('board')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('saves where the person chose, adding the extension, and grants that path only', async () => {
    const chosen = path.join(dir.path, 'export');
    const { files, dialogs } = service([chosen]);
    const result = await files.save({ kind: 'png', suggestedName: 'Team retro.png', bytes: bytes('PNG') });
    expect(result).toEqual({ canceled: false, path: `${chosen}.png` });
    expect(await fs.readFile(`${chosen}.png`, 'utf8')).toBe('PNG');
    expect(dialogs.shown[0]).toMatchObject({ defaultPath: path.join(dir.path, 'Team retro.png') });
    await files.write({ path: `${chosen}.png`, bytes: bytes('PNG 2') });
    expect(await fs.readFile(`${chosen}.png`, 'utf8')).toBe('PNG 2');
  });

  it('saves a PDF export through a dialog titled and filtered for PDF', async () => {
    const chosen = path.join(dir.path, 'slides');
    const { files, dialogs } = service([chosen]);
    const result = await files.save({ kind: 'pdf', suggestedName: 'Team retro.pdf', bytes: bytes('%PDF') });
    expect(result).toEqual({ canceled: false, path: `${chosen}.pdf` });
    expect(await fs.readFile(`${chosen}.pdf`, 'utf8')).toBe('%PDF');
    expect(dialogs.shown[0]).toMatchObject({
      title: 'Export PDF',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('refuses to write anywhere it was not given', async () => {
    const { files } = service([]);
    const elsewhere = path.join(dir.path, 'elsewhere.easel');
    await expect(files.write({ path: elsewhere, bytes: bytes('x') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(files.write({ path: 'relative.easel', bytes: bytes('x') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(fs.stat(elsewhere)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('turns a failed write into a clear error and keeps the old file', async () => {
    const folder = path.join(dir.path, 'taken.easel');
    await fs.mkdir(folder);
    const { files } = service([folder]);
    await expect(files.save({ kind: 'board', suggestedName: 'b', bytes: bytes('x') })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await fs.stat(folder)).isDirectory()).toBe(true);
  });
});

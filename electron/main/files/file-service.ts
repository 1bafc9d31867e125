import path from 'node:path';
import {
  OPEN_KINDS,
  type OpenFileResult,
  type OpenKind,
  SAVE_KINDS,
  type SaveFileResult,
  type SaveKind,
} from '../../../shared/desktop';
import { DesktopFailure } from '../ipc/desktop-failure';
import { writeFileAtomic } from './atomic-write';
import { failureFor, readFileLimited } from './read-limited';

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, as Electron's `dialog` offers them (bound to the window that asked). */
export interface DialogPort {
  showOpenDialog(options: {
    title: string;
    filters: FileFilter[];
    properties: ['openFile'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/**
 * Files for the renderer. The renderer never names a path of its own: it
 * gets one from a dialog the person answered (or from a file the OS handed
 * the app), and may write again only to those paths, for the rest of the run.
 * Reads are bounded by the kind's size limit; writes are atomic.
 */
export class FileService {
  private readonly granted = new Set<string>();

  constructor(
    private readonly dialogs: DialogPort,
    private readonly options: { defaultDir: () => string },
  ) {}

  async open(kind: OpenKind): Promise<OpenFileResult> {
    const spec = OPEN_KINDS[kind];
    const answer = await this.dialogs.showOpenDialog({
      title: kind === 'board' ? 'Open board' : 'Insert image',
      filters: [{ name: spec.label, extensions: [...spec.extensions] }],
      properties: ['openFile'],
    });
    const chosen = answer.filePaths[0];
    if (answer.canceled || chosen === undefined) return { canceled: true };
    return { canceled: false, file: await this.read(chosen, kind) };
  }

  /** Reads a file the person chose (dialog, double-click, drag onto the dock) and lets it be saved back. */
  async read(file: string, kind: OpenKind): Promise<{ path: string; name: string; bytes: Uint8Array }> {
    const resolved = path.resolve(file);
    const extension = path.extname(resolved).slice(1).toLowerCase();
    const spec = OPEN_KINDS[kind];
    if (!(spec.extensions as readonly string[]).includes(extension)) {
      throw new DesktopFailure('BAD_REQUEST', `${path.basename(resolved)} is not a ${spec.label.toLowerCase()} file.`);
    }
    const bytes = await readFileLimited(resolved, spec.maxBytes);
    if (kind === 'board') this.granted.add(resolved);
    return { path: resolved, name: path.basename(resolved), bytes };
  }

  async save(request: { kind: SaveKind; suggestedName: string; bytes: Uint8Array }): Promise<SaveFileResult> {
    const spec = SAVE_KINDS[request.kind];
    const extension = spec.extensions[0];
    const answer = await this.dialogs.showSaveDialog({
      title: request.kind === 'board' ? 'Save board' : request.kind === 'pdf' ? 'Export PDF' : 'Export image',
      defaultPath: path.join(this.options.defaultDir(), withExtension(path.basename(request.suggestedName), extension)),
      filters: [{ name: spec.label, extensions: [...spec.extensions] }],
    });
    if (answer.canceled || !answer.filePath) return { canceled: true };
    const target = withExtension(path.resolve(answer.filePath), extension);
    const written = await this.writeTo(target, request.bytes);
    this.granted.add(target);
    return { canceled: false, path: written };
  }

  /** Writes again to a path handed out earlier in this run (Save after Save As). */
  async write(request: { path: string; bytes: Uint8Array }): Promise<{ path: string }> {
    const target = path.resolve(request.path);
    if (!path.isAbsolute(request.path) || !this.granted.has(target)) {
      throw new DesktopFailure('FORBIDDEN', 'Easel writes only to files chosen in a dialog; use Save As.');
    }
    return { path: await this.writeTo(target, request.bytes) };
  }

  private async writeTo(target: string, bytes: Uint8Array): Promise<string> {
    try {
      return await writeFileAtomic(target, bytes);
    } catch (error) {
      throw failureFor(error, target);
    }
  }
}

function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === `.${extension}` ? file : `${file}.${extension}`;
}

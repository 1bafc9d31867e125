/**
 * A FilePort in memory, for tests: saved files are kept in order, and the
 * next open returns whatever the test queued (null: the user cancels).
 */
import type { FileData, FilePort, OpenedFile, OpenFileRequest, SaveFileRequest, SaveFileResult } from './platform';

export interface SavedFile {
  name: string;
  mimeType: string;
  data: FileData;
  /** As the request gave them (see SaveFileRequest); absent for exports. */
  documentKey?: string;
  askWhere?: boolean;
}

export class MemoryFiles implements FilePort {
  readonly saved: SavedFile[] = [];
  readonly openRequests: OpenFileRequest[] = [];
  private nextOpen: OpenedFile | null = null;
  /** What the next save dialog answers. */
  saveAnswer: SaveFileResult = 'saved';

  /** The file the next `openFile` returns; text is encoded as UTF-8. */
  willOpen(name: string, content: string | Uint8Array): void {
    this.nextOpen = { name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
  }

  /** The next `openFile` returns null, as when the user closes the picker. */
  willCancel(): void {
    this.nextOpen = null;
  }

  async saveFile({ suggestedName, mimeType, data, ...where }: SaveFileRequest): Promise<SaveFileResult> {
    if (this.saveAnswer === 'saved') this.saved.push({ name: suggestedName, mimeType, data, ...where });
    return this.saveAnswer;
  }

  async openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
    this.openRequests.push(request);
    const file = this.nextOpen;
    this.nextOpen = null;
    return file;
  }
}

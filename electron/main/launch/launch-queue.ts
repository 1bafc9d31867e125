import type { LaunchOpen } from '../../../shared/desktop';
import type { FileService } from '../files/file-service';
import type { LaunchRequest } from './launch-requests';

/** Reads a requested board file (bounded, and granted for saving back); a failure becomes its reason. */
export function launchResolver(files: Pick<FileService, 'read'>): (request: LaunchRequest) => Promise<LaunchOpen> {
  return async (request) => {
    if (request.kind !== 'file') return request;
    try {
      return { kind: 'file', file: await files.read(request.path, 'board') };
    } catch (error) {
      return { kind: 'invalid', input: request.path, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Routes files and links the OS hands the running app into its window. Until
 * the renderer has asked for them (`take()`, once it listens), they wait;
 * afterwards each is delivered as it comes. A reload makes the renderer ask
 * again (`reset()`), and so does a window that closed: `deliver` returns
 * false when there is no window to take it (macOS keeps running without
 * one), and the request waits for the next window's take(). Files are read
 * here, in order, so the renderer gets bytes or a reason, never a path to read.
 */
export class LaunchQueue {
  private pending: LaunchRequest[] = [];
  private listening = false;
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly resolve: (request: LaunchRequest) => Promise<LaunchOpen>,
    /** Hands one to the window; false when there is none (it is kept for the next take()). */
    private readonly deliver: (open: LaunchOpen) => boolean,
  ) {}

  add(requests: readonly LaunchRequest[]): void {
    if (!this.listening) {
      this.pending.push(...requests);
      return;
    }
    for (const request of requests) {
      this.delivering = this.delivering.then(async () => {
        const open = this.listening ? await this.resolve(request) : null;
        if (open && this.listening && this.deliver(open)) return;
        // A reload or a closed window between arrival and delivery: keep it for the next take().
        this.listening = false;
        this.pending.push(request);
      });
    }
  }

  /** Everything that arrived before the renderer listened; from now on, add() delivers directly. */
  async take(): Promise<LaunchOpen[]> {
    const requests = this.pending;
    this.pending = [];
    this.listening = true;
    const opens: LaunchOpen[] = [];
    for (const request of requests) opens.push(await this.resolve(request));
    return opens;
  }

  /** The window is loading a new page: hold requests until it asks again. */
  reset(): void {
    this.listening = false;
  }

  get waiting(): number {
    return this.pending.length;
  }
}

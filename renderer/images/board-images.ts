/**
 * Adding images to one board (docs/ARCHITECTURE.md#images). Pasted, dropped and inserted files
 * all come here: each is checked and measured, kept on this device, and queued with the image
 * shape it will become; the queue then uploads each file to the relay and writes the shapes of
 * those the relay stored (its 201) into the doc, in one change. So nobody ever sees a shape whose
 * file the relay lacks, a refused file (too big, wrong type, no room, a viewer) becomes a notice
 * and writes nothing, and an image added while the relay is out of reach waits, on this device
 * and across reloads, until `flush` runs again once the board is back in sync.
 */
import type { EmbeddedFile, ImageMimeType } from '../../shared/model';
import { sha256Hex } from './image-bytes';
import type { BoardDoc } from '../doc';
import type { Point } from '../shapes';
import type { Notice } from '../state/notices';
import type { UiStore } from '../state/ui-store';
import type { Size } from '../canvas/viewport-math';
import type { ImageFileStore, PendingShape } from './image-files';
import { placeImages } from './image-placement';
import type { RelayFiles } from './relay-files';

/** A file handed to the board: its name (for notices) and bytes. */
export interface ImageInput {
  name: string;
  bytes: Uint8Array;
}

/** A file checked, measured and hashed, ready to store (SVG already rasterised to PNG). */
export interface PreparedImage {
  name: string;
  bytes: Uint8Array;
  mime: ImageMimeType;
  sha256: string;
  naturalWidth: number;
  naturalHeight: number;
}

export type Prepared = PreparedImage | { name: string; refused: string };

/** What actions reach: add files at a board point, or at the view's centre. */
export interface ImagePort {
  insert(inputs: readonly ImageInput[], at?: Point): Promise<void>;
  /**
   * Image shapes already placed (an opened `.easel` file) with the files they came with: each file
   * that hashes to its name is kept, then the shapes go through the same queue (upload, then write).
   */
  insertPlaced(shapes: readonly PendingShape[], files: readonly EmbeddedFile[]): Promise<void>;
  /** The files of these images, from this device or else the relay; those neither has are left out. */
  filesFor(images: readonly { sha256: string; mime: ImageMimeType }[]): Promise<EmbeddedFile[]>;
}

export interface BoardImagesDeps {
  boardId: string;
  board: BoardDoc;
  ui: UiStore;
  viewportSize(): Size;
  notify(notice: Notice): void;
  /** Takes down the notice this shows while images wait, once they are on the board. */
  dismissNotice(): void;
  store: ImageFileStore;
  relay: RelayFiles;
  prepare(input: ImageInput): Promise<Prepared>;
  now?: () => number;
}

/** Files taken from one paste or drop; more are left out with a notice. */
export const MAX_IMAGES_AT_ONCE = 20;
/** Image shapes get a style as every shape does; the picture ignores it. */
const IMAGE_STYLE = { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 } as const;

export class BoardImages implements ImagePort {
  private flushing: Promise<void> | null = null;
  private again = false;
  private readonly names = new Map<string, string>();
  private warnedWaiting = false;

  constructor(private readonly deps: BoardImagesDeps) {}

  async insert(inputs: readonly ImageInput[], at?: Point): Promise<void> {
    const { board, notify } = this.deps;
    if (!board.isWritable) {
      notify({ kind: 'error', message: 'You may only view this board: images cannot be added.' });
      return;
    }
    const taken = inputs.slice(0, MAX_IMAGES_AT_ONCE);
    const prepared = await Promise.all(taken.map((input) => this.deps.prepare(input)));
    const problems = prepared.flatMap((each) => ('refused' in each ? [`“${each.name}”: ${each.refused}`] : []));
    if (inputs.length > taken.length)
      problems.push(`${inputs.length - taken.length} more left out (at most ${MAX_IMAGES_AT_ONCE} at once)`);
    const ready = prepared.filter((each): each is PreparedImage => !('refused' in each));
    const queued = await this.queue(ready, at ?? this.viewCentre());
    if (queued < ready.length) problems.push(`${ready.length - queued} left out: too many images wait for the relay`);
    if (problems.length > 0) notify({ kind: 'error', message: `Could not add ${problems.join('; ')}.` });
    if (queued > 0) await this.flush();
  }

  async insertPlaced(shapes: readonly PendingShape[], files: readonly EmbeddedFile[]): Promise<void> {
    const { store, boardId, notify } = this.deps;
    for (const file of files) {
      if ((await sha256Hex(file.bytes)) !== file.sha256) continue;
      await store.put({ ...file, storedAt: this.deps.now?.() ?? Date.now() });
    }
    let queued = 0;
    for (const shape of shapes) {
      if (!(await store.addPending(boardId, shape))) break;
      queued++;
    }
    if (queued < shapes.length) {
      notify({
        kind: 'error',
        message: `Could not add ${shapes.length - queued} images: too many wait for the relay.`,
      });
    }
    if (queued > 0) await this.flush();
  }

  async filesFor(images: readonly { sha256: string; mime: ImageMimeType }[]): Promise<EmbeddedFile[]> {
    const { store, relay, boardId } = this.deps;
    const found: EmbeddedFile[] = [];
    const seen = new Set<string>();
    for (const image of images) {
      if (seen.has(image.sha256)) continue;
      seen.add(image.sha256);
      const kept = await store.get(image.sha256);
      if (kept) {
        found.push({ sha256: kept.sha256, mime: kept.mime, bytes: kept.bytes });
        continue;
      }
      const bytes = await relay.download(boardId, image.sha256);
      if (bytes) found.push({ sha256: image.sha256, mime: image.mime, bytes });
    }
    return found;
  }

  /** Uploads what waits, in the order it was added, then writes the shapes of the stored files. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.flushOnce();
        } while (this.again);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private viewCentre(): Point {
    const { viewport } = this.deps.ui.getState();
    const size = this.deps.viewportSize();
    return { x: viewport.x + size.width / 2 / viewport.zoom, y: viewport.y + size.height / 2 / viewport.zoom };
  }

  /** Keeps the files and queues their shapes; returns how many were queued. */
  private async queue(ready: readonly PreparedImage[], centre: Point): Promise<number> {
    const { board, ui, store, boardId } = this.deps;
    const zoom = ui.getState().viewport.zoom;
    const naturals = ready.map((each) => ({ width: each.naturalWidth, height: each.naturalHeight }));
    const boxes = placeImages(naturals, centre, this.deps.viewportSize(), zoom);
    let queued = 0;
    for (const [i, image] of ready.entries()) {
      const box = boxes[i];
      if (!box) break;
      const storedAt = this.deps.now?.() ?? Date.now();
      await store.put({ sha256: image.sha256, mime: image.mime, bytes: image.bytes, storedAt });
      const shape: PendingShape = {
        type: 'image',
        id: board.newId(),
        ...box,
        rotation: 0,
        opacity: 1,
        style: { ...IMAGE_STYLE },
        sha256: image.sha256,
        naturalWidth: image.naturalWidth,
        naturalHeight: image.naturalHeight,
        mime: image.mime,
      };
      if (!(await store.addPending(boardId, shape))) break;
      this.names.set(shape.id, image.name);
      queued++;
    }
    return queued;
  }

  private async flushOnce(): Promise<void> {
    const { store, relay, board, boardId, notify } = this.deps;
    const waiting = await store.pending(boardId);
    const stored: PendingShape[] = [];
    const done: number[] = [];
    const refusals: string[] = [];
    let unreachable = 0;
    for (const item of waiting) {
      if (unreachable > 0) {
        unreachable++;
        continue;
      }
      const name = this.names.get(item.shape.id) ?? 'an image';
      const file = await store.get(item.shape.sha256);
      const result = file
        ? await relay.upload(boardId, file.sha256, file.mime, file.bytes)
        : ({ kind: 'refused', status: 0, message: 'its file is no longer on this device' } as const);
      if (result.kind === 'unreachable') unreachable = 1;
      else {
        done.push(item.key);
        if (result.kind === 'stored') stored.push(item.shape);
        else refusals.push(`“${name}”: ${result.message}`);
      }
    }
    const fresh = stored.filter((shape) => board.get(shape.id) === undefined);
    if (fresh.length > 0) {
      if (board.isWritable) {
        board.create(fresh);
        this.deps.ui.getState().select(fresh.map((shape) => shape.id));
      } else refusals.push('you may only view this board');
    }
    await store.removePending(done);
    if (refusals.length > 0) {
      this.warnedWaiting = false;
      notify({ kind: 'error', message: `Could not add ${refusals.join('; ')}. Nothing was added for it.` });
    } else if (unreachable > 0) {
      this.warnedWaiting = true;
      const what = unreachable === 1 ? 'An image waits' : `${unreachable} images wait`;
      notify({ kind: 'warning', message: `${what} for the relay: added to the board once the relay has the file.` });
    } else if (this.warnedWaiting && fresh.length > 0) {
      this.warnedWaiting = false;
      this.deps.dismissNotice();
    }
  }
}

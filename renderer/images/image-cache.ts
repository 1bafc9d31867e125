/**
 * Decoded images for the painter (docs/ARCHITECTURE.md#images), with level of detail: a picture
 * is decoded at the power-of-two fraction of its natural size closest above the size it is
 * drawn at, so a zoomed-out board of many photos holds and draws small bitmaps. Decoding is
 * `createImageBitmap` with a resize (off the main thread in Chromium), at most a few at a time.
 *
 * - `pictureFor` never waits: it hands out the best copy there is now (the wanted level, else
 *   any level of the same file) and starts decoding the wanted one; `onChange` says when a
 *   picture arrived, so the board repaints.
 * - Bounded: decoded bitmaps by bytes (width × height × 4) and the encoded files kept for
 *   decoding other levels by bytes, both least recently used first; a closed bitmap is never
 *   handed out again.
 * - A file that cannot be had (not on this device, relay out of reach) or decoded is asked
 *   for again only after RETRY_AFTER_MS.
 */
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import type { ImageRef, ImageSource } from '../canvas/paint/paint-image';

export interface Picture {
  readonly width: number;
  readonly height: number;
  close(): void;
}

export interface ImageCacheOptions<P extends Picture> {
  /** The encoded file for an image (the local copy, else the relay); null when it cannot be had now. */
  load(image: ImageRef): Promise<Blob | null>;
  /** Decodes `blob` at `width` × `height` pixels. */
  decode(blob: Blob, width: number, height: number): Promise<P>;
  /** Something new can be drawn. */
  onChange(): void;
  now?: () => number;
  maxPictureBytes?: number;
  maxFileBytes?: number;
}

/** 512 MiB of decoded pixels: 200 photos of 2 MP at a quarter size take 100 MiB. */
export const MAX_PICTURE_BYTES = 512 * 1024 * 1024;
export const MAX_FILE_BYTES = 128 * 1024 * 1024;
/** No level narrower than this: below it one more halving saves little and looks worse. */
export const MIN_LEVEL_PX = 32;
export const RETRY_AFTER_MS = 10_000;
const DECODES_AT_ONCE = 4;

/** How many halvings of `natural` still leave at least `wanted` pixels (and MIN_LEVEL_PX). */
export function levelFor(natural: number, wanted: number): number {
  const floor = Math.max(wanted, MIN_LEVEL_PX);
  if (!(floor > 0) || natural <= floor) return 0;
  return Math.max(0, Math.floor(Math.log2(natural / floor)));
}

export function levelSize(image: ImageRef, level: number): { width: number; height: number } {
  const factor = 2 ** level;
  return {
    width: Math.max(1, Math.round(image.naturalWidth / factor)),
    height: Math.max(1, Math.round(image.naturalHeight / factor)),
  };
}

export class ImageCache<P extends Picture> implements ImageSource {
  private readonly pictures: LRUCache<string, P>;
  private readonly files: LRUCache<string, Blob>;
  private readonly levels = new Map<string, Set<number>>();
  private readonly inFlight = new Set<string>();
  private readonly failedAt = new Map<string, number>();
  private readonly limit = pLimit(DECODES_AT_ONCE);
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: ImageCacheOptions<P>) {
    this.now = options.now ?? (() => Date.now());
    this.pictures = new LRUCache<string, P>({
      maxSize: options.maxPictureBytes ?? MAX_PICTURE_BYTES,
      sizeCalculation: (picture) => Math.max(1, picture.width * picture.height * 4),
      dispose: (picture, key) => {
        picture.close();
        const [sha256, level] = key.split('@');
        this.levels.get(sha256 ?? '')?.delete(Number(level));
      },
    });
    this.files = new LRUCache<string, Blob>({
      maxSize: options.maxFileBytes ?? MAX_FILE_BYTES,
      sizeCalculation: (blob) => Math.max(1, blob.size),
    });
  }

  pictureFor(image: ImageRef, devicePixelsWide: number): P | null {
    const level = levelFor(image.naturalWidth, devicePixelsWide);
    const wanted = this.pictures.get(key(image.sha256, level));
    if (wanted) return wanted;
    this.request(image, level);
    return this.nearest(image.sha256, level);
  }

  /** Decoded copies held now, and their bytes (for tests and the bench). */
  get stats(): { pictures: number; bytes: number } {
    return { pictures: this.pictures.size, bytes: this.pictures.calculatedSize };
  }

  /** Drops every bitmap (closing them) and stops decoding. */
  destroy(): void {
    this.closed = true;
    this.pictures.clear();
    this.files.clear();
  }

  /** The held level closest to `level`, finer first (it downsamples well). */
  private nearest(sha256: string, level: number): P | null {
    const held = [...(this.levels.get(sha256) ?? [])].sort(
      (a, b) => Math.abs(a - level) + (a > level ? 0.5 : 0) - (Math.abs(b - level) + (b > level ? 0.5 : 0)),
    );
    for (const each of held) {
      const picture = this.pictures.peek(key(sha256, each));
      if (picture) return picture;
    }
    return null;
  }

  private request(image: ImageRef, level: number): void {
    const id = key(image.sha256, level);
    if (this.closed || this.inFlight.has(id)) return;
    const failed = this.failedAt.get(id);
    if (failed !== undefined && this.now() - failed < RETRY_AFTER_MS) return;
    this.inFlight.add(id);
    void this.limit(() => this.decodeLevel(image, level))
      .then(
        (picture) => {
          if (this.closed) return picture?.close();
          if (!picture) return void this.failedAt.set(id, this.now());
          this.failedAt.delete(id);
          this.pictures.set(id, picture);
          if (this.pictures.has(id)) {
            const held = this.levels.get(image.sha256) ?? new Set<number>();
            held.add(level);
            this.levels.set(image.sha256, held);
          }
          this.options.onChange();
        },
        () => void this.failedAt.set(id, this.now()),
      )
      .finally(() => this.inFlight.delete(id));
  }

  private async decodeLevel(image: ImageRef, level: number): Promise<P | null> {
    if (this.closed) return null;
    let blob = this.files.get(image.sha256) ?? null;
    if (!blob) {
      blob = await this.options.load(image);
      if (!blob) return null;
      this.files.set(image.sha256, blob);
    }
    const size = levelSize(image, level);
    return this.options.decode(blob, size.width, size.height);
  }
}

function key(sha256: string, level: number): string {
  return `${sha256}@${level}`;
}

import { imageSize } from 'image-size';
import type { ImageMime } from '../../shared/files';

/** Bytes the type is read from: RIFF....WEBP is the longest signature. */
export const SIGNATURE_BYTES = 12;
/**
 * How far into a file its size must be found. PNG, GIF and WebP say it in
 * their first 30 bytes; a JPEG says it in its frame header, after the EXIF,
 * ICC and other segments, which cameras keep well under this.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = [0x47, 0x49, 0x46, 0x38, 0x37, 0x61];
const GIF89 = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/**
 * The image type its first bytes announce, or undefined for anything else
 * (text, SVG, HTML, another format). Needs SIGNATURE_BYTES of the file
 * (fewer only when that is the whole file).
 */
export function sniffImageType(head: Uint8Array): ImageMime | undefined {
  const startsWith = (signature: number[], at = 0) => signature.every((byte, index) => head[at + index] === byte);
  if (startsWith(PNG)) return 'image/png';
  if (startsWith(JPEG)) return 'image/jpeg';
  if (startsWith(GIF87) || startsWith(GIF89)) return 'image/gif';
  if (startsWith(RIFF) && startsWith(WEBP, 8)) return 'image/webp';
  return undefined;
}

export type HeaderReading =
  | { kind: 'size'; width: number; height: number }
  /** The size is further on than `head` reaches: read more (up to MAX_HEADER_BYTES). */
  | { kind: 'need-more' }
  | { kind: 'unreadable'; reason: string };

/**
 * The pixel size the file's header claims, read with `image-size` from its
 * first bytes; nothing is decoded. `complete` says `head` is the whole file,
 * so a header cut short is then unreadable rather than unfinished.
 */
export function readImageSize(head: Uint8Array, mime: ImageMime, complete: boolean): HeaderReading {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(head);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const truncated = /truncated|exceeded buffer|no size found|out of range|outside the bounds/i.test(reason);
    if (truncated && !complete && head.length < MAX_HEADER_BYTES) return { kind: 'need-more' };
    return { kind: 'unreadable', reason: `its ${mime.slice(6).toUpperCase()} header cannot be read (${reason})` };
  }
  const { width, height } = size;
  if (width === undefined || height === undefined || !(width > 0) || !(height > 0)) {
    return { kind: 'unreadable', reason: 'its header names no width and height' };
  }
  return { kind: 'size', width, height };
}

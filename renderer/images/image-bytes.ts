/**
 * What a file handed to the board is (docs/ARCHITECTURE.md#images): its type told by its first
 * bytes, never by its name or the type the browser guessed, within the size the relay takes, and
 * its SHA-256, which names it on the relay and in the doc. Pure, so it is tested in Node.
 */
import { IMAGE_MIME_TYPES, type ImageMimeType } from '../../shared/model';

/** Largest image file we read or upload (the desktop's open dialog reads images up to the same size). */
export const MAX_IMAGE_FILE_BYTES = 25 * 1024 * 1024;

export type SniffedType = ImageMimeType | 'image/svg+xml';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The image type the bytes are, or null for anything else (SVG counts: it is rasterised before use). */
export function sniffImageType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

/** An XML text whose root element is `<svg`: leading BOM, whitespace, XML declaration, comments and doctype allowed. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  const body = head
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(\s*(<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*/i, '');
  return /^\s*<svg[\s>]/i.test(body);
}

export function isStoredImageType(type: string): type is ImageMimeType {
  return (IMAGE_MIME_TYPES as readonly string[]).includes(type);
}

/** The file's SHA-256 as 64 lowercase hex digits (WebCrypto, in the browser and in Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Why a file is refused, in words for the board's notice; null when it may be read on. */
export function refusalOf(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'the file is empty';
  if (bytes.byteLength > MAX_IMAGE_FILE_BYTES) {
    return `it is ${megabytes(bytes.byteLength)} MB, more than the ${megabytes(MAX_IMAGE_FILE_BYTES)} MB an image may be`;
  }
  if (sniffImageType(bytes) === null) return 'it is not a PNG, JPEG, GIF, WebP or SVG image';
  return null;
}

export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/**
 * The image files a `.easel` file (version 2) embeds: `files` maps each SHA-256 to its type and
 * its bytes as base64. Reading skips (and names) an entry that is malformed; whether the bytes
 * hash to their name is checked by whoever uses them (hashing is asynchronous in a browser).
 */
import { z } from 'zod';
import { IMAGE_MIME_TYPES, type ImageMimeType, SHA256_PATTERN } from './shapes';

export interface EmbeddedFile {
  sha256: string;
  mime: ImageMimeType;
  bytes: Uint8Array;
}

/** Embedded files one `.easel` file may carry (the relay keeps at most this many a board, near enough). */
export const MAX_EMBEDDED_FILES = 1_000;

const entrySchema = z.object({
  mime: z.enum(IMAGE_MIME_TYPES),
  data: z.base64(),
});

export function encodeEmbeddedFiles(files: readonly EmbeddedFile[]): Record<string, { mime: string; data: string }> {
  const out: Record<string, { mime: string; data: string }> = {};
  for (const file of files) out[file.sha256] = { mime: file.mime, data: toBase64(file.bytes) };
  return out;
}

export function decodeEmbeddedFiles(value: unknown): { files: EmbeddedFile[]; skipped: string[] } {
  if (value === undefined) return { files: [], skipped: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { files: [], skipped: ['files: must be an object of SHA-256 to { mime, data }'] };
  }
  const files: EmbeddedFile[] = [];
  const skipped: string[] = [];
  for (const [sha256, entry] of Object.entries(value)) {
    const name = `files[${JSON.stringify(sha256.slice(0, 80))}]`;
    if (files.length >= MAX_EMBEDDED_FILES) {
      skipped.push(`${name}: more than ${MAX_EMBEDDED_FILES} files`);
      continue;
    }
    const parsed = entrySchema.safeParse(entry);
    if (!SHA256_PATTERN.test(sha256)) skipped.push(`${name}: the name is not a SHA-256`);
    else if (!parsed.success) skipped.push(`${name}: needs an image type and base64 data`);
    else files.push({ sha256, mime: parsed.data.mime, bytes: fromBase64(parsed.data.data) });
  }
  return { files, skipped };
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

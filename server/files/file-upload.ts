import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type ImageMime, MAX_IMAGE_SIDE } from '../../shared/files';
import { describeBytes, FileRequestError } from './file-error';
import { MAX_HEADER_BYTES, readImageSize, SIGNATURE_BYTES, sniffImageType } from './image-header';
import type { StagedFile } from './types';

export interface UploadLimits {
  /** Bytes one file may have (--max-file-bytes). */
  maxFileBytes: number;
  /** Width × height one image may claim (--max-image-pixels). */
  maxImagePixels: number;
}

export interface ReceivedFile {
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Reads an upload's body into `staged` while hashing it, and refuses it as
 * soon as it is known to be wrong, without reading the rest: past the size
 * limit (TOO_LARGE), not a PNG/JPEG/GIF/WebP by its first bytes
 * (UNSUPPORTED_TYPE), a header claiming more pixels than allowed
 * (TOO_MANY_PIXELS). Only the end can tell a wrong hash (HASH_MISMATCH).
 * Memory is bounded: one chunk at a time, plus the header until its size is
 * read (at most MAX_HEADER_BYTES).
 */
export async function receiveFile(
  request: IncomingMessage,
  expectedSha256: string,
  staged: StagedFile,
  limits: UploadLimits,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head: Buffer = Buffer.alloc(0);
  let mime: ImageMime | undefined;
  let size: { width: number; height: number } | undefined;

  const inspect = (complete: boolean) => {
    if (mime === undefined && (head.length >= SIGNATURE_BYTES || complete)) {
      mime = sniffImageType(head);
      if (mime === undefined) throw unsupported(head);
    }
    if (mime !== undefined && size === undefined) {
      const reading = readImageSize(head, mime, complete);
      if (reading.kind === 'unreadable') {
        throw new FileRequestError('UNSUPPORTED_TYPE', `the file is not a readable image: ${reading.reason}`);
      }
      if (reading.kind === 'need-more' && head.length >= MAX_HEADER_BYTES) {
        throw new FileRequestError(
          'UNSUPPORTED_TYPE',
          `the image's size is not within its first ${describeBytes(MAX_HEADER_BYTES)}`,
        );
      }
      if (reading.kind === 'size') {
        size = { width: reading.width, height: reading.height };
        if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
          throw new FileRequestError(
            'TOO_MANY_PIXELS',
            `the image is ${size.width}×${size.height} pixels; a board takes at most ${MAX_IMAGE_SIDE} a side, so scale it down first`,
          );
        }
        if (size.width * size.height > limits.maxImagePixels) {
          throw new FileRequestError(
            'TOO_MANY_PIXELS',
            `the image claims ${size.width}×${size.height} pixels, more than the ${limits.maxImagePixels.toLocaleString('en')} this relay accepts; scale it down first`,
          );
        }
        head = Buffer.alloc(0);
      }
    }
  };

  // Not destroyed on an early return: the client must still read the refusal.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > limits.maxFileBytes) {
      throw new FileRequestError(
        'TOO_LARGE',
        `the file is over ${describeBytes(limits.maxFileBytes)}, the most this relay takes for one file`,
      );
    }
    hash.update(chunk);
    if (size === undefined) {
      head = Buffer.concat([head, chunk.subarray(0, MAX_HEADER_BYTES - head.length)]);
      inspect(false);
    }
    await staged.write(chunk);
  }
  if (bytes === 0) throw new FileRequestError('BAD_REQUEST', 'the body is empty: send the file as the body');
  if (size === undefined) inspect(true);
  const sha256 = hash.digest('hex');
  if (sha256 !== expectedSha256) {
    throw new FileRequestError(
      'HASH_MISMATCH',
      `the body's SHA-256 is ${sha256}, not ${expectedSha256} as the URL says; nothing was stored`,
    );
  }
  if (mime === undefined || size === undefined) throw new Error('an accepted file has a type and a size');
  return { sha256, mime, width: size.width, height: size.height, bytes };
}

function unsupported(head: Buffer): FileRequestError {
  const text = head.subarray(0, 256).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
    return new FileRequestError(
      'UNSUPPORTED_TYPE',
      'SVG files are not stored (they can carry script); the app turns an SVG into a PNG before uploading it',
    );
  }
  return new FileRequestError('UNSUPPORTED_TYPE', 'the file is not a PNG, JPEG, GIF or WebP image');
}

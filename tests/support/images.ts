import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** Small real image files, and headers that lie about their size, for the relay's file tests. */

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pngChunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * An RGBA PNG of `width` × `height` in one colour. With `claim`, the IHDR
 * says that size instead while the data stays small: a decompression bomb's
 * header, which no decoder is asked to read here.
 */
export function pngImage(
  width: number,
  height: number,
  options: {
    rgba?: [number, number, number, number];
    claim?: { width: number; height: number };
    /** Random pixels instead of one colour: the file is about 4 bytes a pixel, whatever deflate does. */
    noise?: boolean;
  } = {},
): Buffer {
  const [r, g, b, a] = options.rgba ?? [200, 40, 40, 255];
  const pixels = () =>
    options.noise ? randomBytes(width * 4) : Buffer.alloc(width * 4).fill(Buffer.from([r, g, b, a]));
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), pixels()]));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.claim?.width ?? width, 0);
  header.writeUInt32BE(options.claim?.height ?? height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A GIF89a whose logical screen is `width` × `height` (at most 65535 each), with one 1×1 frame. */
export function gifImage(width: number, height: number): Buffer {
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen.set([0x80, 0, 0], 4); // a global colour table of 2 entries
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    screen,
    Buffer.from([0, 0, 0, 255, 255, 255]),
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0]), // image descriptor, 1×1 at 0,0
    Buffer.from([0x02, 0x02, 0x44, 0x01, 0x00]), // LZW minimum code size 2, one sub-block, end
    Buffer.from([0x3b]),
  ]);
}

/** A minimal baseline JPEG header (SOI, APP0, SOF0) naming `width` × `height`, then EOI. Not decodable. */
export function jpegHeader(width: number, height: number, padding = 0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const comment =
    padding > 0
      ? Buffer.concat([
          Buffer.from([0xff, 0xfe, (padding + 2) >> 8, (padding + 2) & 0xff]),
          Buffer.alloc(padding, 0x20),
        ])
      : Buffer.alloc(0);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]);
  const components = Buffer.from([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, comment, sof, components, Buffer.from([0xff, 0xd9])]);
}

/** A lossless WebP (VP8L) header naming `width` × `height` (at most 16384 each). Not decodable. */
export function webpHeader(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const vp8l = Buffer.alloc(5);
  vp8l[0] = 0x2f;
  vp8l.writeUInt32LE(bits >>> 0, 1);
  const chunk = Buffer.concat([
    Buffer.from('VP8L', 'latin1'),
    Buffer.from([vp8l.length, 0, 0, 0]),
    vp8l,
    Buffer.alloc(1),
  ]);
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), riffSize, Buffer.from('WEBP', 'latin1'), chunk]);
}

export const SVG_IMAGE = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n',
);

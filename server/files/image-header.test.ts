import { describe, expect, it } from 'vitest';
import { gifImage, jpegHeader, pngImage, SVG_IMAGE, webpHeader } from '../../tests/support/images';
import { MAX_HEADER_BYTES, readImageSize, sniffImageType } from './image-header';

describe('sniffImageType', () => {
  it('names the four types by their first bytes, and nothing else', () => {
    expect(sniffImageType(pngImage(1, 1))).toBe('image/png');
    expect(sniffImageType(jpegHeader(1, 1))).toBe('image/jpeg');
    expect(sniffImageType(gifImage(1, 1))).toBe('image/gif');
    expect(sniffImageType(webpHeader(1, 1))).toBe('image/webp');
    expect(sniffImageType(SVG_IMAGE)).toBeUndefined();
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(sniffImageType(Buffer.from('GIF8'))).toBeUndefined();
  });
});

describe('readImageSize', () => {
  it('reads the size each header claims', () => {
    expect(readImageSize(pngImage(3, 2), 'image/png', true)).toEqual({ kind: 'size', width: 3, height: 2 });
    expect(readImageSize(gifImage(640, 480), 'image/gif', true)).toEqual({ kind: 'size', width: 640, height: 480 });
    expect(readImageSize(webpHeader(800, 600), 'image/webp', true)).toEqual({ kind: 'size', width: 800, height: 600 });
    const bomb = pngImage(1, 1, { claim: { width: 100_000, height: 100_000 } });
    expect(readImageSize(bomb, 'image/png', true)).toEqual({ kind: 'size', width: 100_000, height: 100_000 });
  });

  it('asks for more of a JPEG whose frame header is further on, and gives up on one cut short', () => {
    const jpeg = jpegHeader(1024, 768, 60_000);
    expect(readImageSize(jpeg.subarray(0, 4096), 'image/jpeg', false)).toEqual({ kind: 'need-more' });
    expect(readImageSize(jpeg, 'image/jpeg', true)).toEqual({ kind: 'size', width: 1024, height: 768 });
    expect(readImageSize(jpeg.subarray(0, 4096), 'image/jpeg', true)).toMatchObject({ kind: 'unreadable' });
    expect(readImageSize(Buffer.alloc(MAX_HEADER_BYTES, 0xff), 'image/jpeg', false)).toMatchObject({
      kind: 'unreadable',
    });
  });

  it('calls a header without a size unreadable', () => {
    const png = pngImage(1, 1, { claim: { width: 0, height: 5 } });
    expect(readImageSize(png, 'image/png', true)).toMatchObject({ kind: 'unreadable' });
  });
});

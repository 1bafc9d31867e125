import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_FILE_BYTES, refusalOf, sha256Hex, sniffImageType } from './image-bytes';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('image bytes', () => {
  it('tells the type from the first bytes, whatever the name', () => {
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    const svg = new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- hi -->\n<svg xmlns="x"/>');
    expect(sniffImageType(svg)).toBe('image/svg+xml');
    expect(sniffImageType(bytes('<html><svg/></html>'))).toBeNull();
    expect(sniffImageType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
  });

  it('refuses empty, oversized and non-image files with a reason', () => {
    expect(refusalOf(new Uint8Array())).toBe('the file is empty');
    expect(refusalOf(bytes('hello'))).toMatch(/not a PNG, JPEG, GIF, WebP or SVG/);
    const big = new Uint8Array(MAX_IMAGE_FILE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(refusalOf(big)).toMatch(/more than the 25 MB/);
    expect(refusalOf(bytes([0xff, 0xd8, 0xff]))).toBeNull();
  });

  it('hashes with SHA-256 as lowercase hex', async () => {
    const data = bytes('an image');
    expect(await sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
  });
});

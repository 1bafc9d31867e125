import { describe, expect, it } from 'vitest';
import { parseShape } from '../../shared/model';
import { generateImageBoard, PHOTO_HEIGHT, PHOTO_WIDTH } from './images';

describe('the images scenario’s board', () => {
  it('makes valid image shapes of ~2 MP, each naming its own file by SHA-256', () => {
    const { shapes, files } = generateImageBoard(3);
    expect(shapes.every((shape) => parseShape(shape).ok)).toBe(true);
    expect(PHOTO_WIDTH * PHOTO_HEIGHT).toBeGreaterThan(1_990_000);
    expect(new Set(files.map((file) => file.sha256)).size).toBe(3);
    expect(shapes.map((shape) => (shape.type === 'image' ? shape.sha256 : ''))).toEqual(files.map((f) => f.sha256));
    // The PNG header names the photo's size.
    expect(files[0]!.bytes.readUInt32BE(16)).toBe(PHOTO_WIDTH);
    expect(files[0]!.bytes.readUInt32BE(20)).toBe(PHOTO_HEIGHT);
  });
});

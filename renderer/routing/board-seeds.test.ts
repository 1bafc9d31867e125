import { describe, expect, it } from 'vitest';
import { exampleShape } from '../../shared/model/shapes/examples';
import { seedBoard, takeSeed, takeSeedImages } from './board-seeds';

describe('board seeds', () => {
  it('hand a new board its content and its images once each', () => {
    const { index: _index, ...image } = exampleShape('image', { id: 'photo' });
    const files = [{ sha256: image.sha256, mime: image.mime, bytes: Uint8Array.of(1) }];
    seedBoard('fresh', Uint8Array.of(0, 0), { shapes: [image], files });
    expect(takeSeed('fresh')).toEqual(Uint8Array.of(0, 0));
    expect(takeSeedImages('fresh')).toEqual({ shapes: [image], files });
    expect(takeSeed('fresh')).toBeUndefined();
    expect(takeSeedImages('fresh')).toBeUndefined();

    seedBoard('plain', Uint8Array.of(0, 0), { shapes: [], files: [] });
    expect(takeSeedImages('plain')).toBeUndefined();
  });
});

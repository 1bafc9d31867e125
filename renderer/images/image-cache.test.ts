import { describe, expect, it } from 'vitest';
import { ImageCache, levelFor, levelSize, type Picture } from './image-cache';

class TestPicture implements Picture {
  closed = false;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  close() {
    this.closed = true;
  }
}

const photo = (sha: string) => ({
  sha256: sha.repeat(64),
  mime: 'image/png' as const,
  naturalWidth: 1600,
  naturalHeight: 1200,
});

function cacheWith(options: { maxPictureBytes?: number; failLoads?: boolean } = {}) {
  const loads: string[] = [];
  const decodes: [number, number][] = [];
  let changes = 0;
  let time = 0;
  const cache = new ImageCache<TestPicture>({
    load: async (image) => {
      loads.push(image.sha256[0]!);
      return options.failLoads ? null : new Blob([image.sha256]);
    },
    decode: async (_blob, width, height) => {
      decodes.push([width, height]);
      return new TestPicture(width, height);
    },
    onChange: () => changes++,
    now: () => time,
    maxPictureBytes: options.maxPictureBytes,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { cache, loads, decodes, changes: () => changes, settle, advance: (ms: number) => (time += ms) };
}

describe('image cache', () => {
  it('picks the smallest power-of-two level still at least as wide as drawn', () => {
    expect(levelFor(1600, 1600)).toBe(0);
    expect(levelFor(1600, 2000)).toBe(0);
    expect(levelFor(1600, 800)).toBe(1);
    expect(levelFor(1600, 500)).toBe(1);
    expect(levelFor(1600, 100)).toBe(4);
    expect(levelFor(1600, 1)).toBe(5); // never under MIN_LEVEL_PX (32): 1600 / 32 = 50
    expect(levelSize(photo('a'), 2)).toEqual({ width: 400, height: 300 });
  });

  it('hands out nothing at first, decodes the wanted level once, then hands it out', async () => {
    const { cache, loads, decodes, changes, settle } = cacheWith();
    expect(cache.pictureFor(photo('a'), 400)).toBeNull();
    expect(cache.pictureFor(photo('a'), 400)).toBeNull();
    await settle();
    expect(loads).toEqual(['a']);
    expect(decodes).toEqual([[400, 300]]);
    expect(changes()).toBe(1);
    expect(cache.pictureFor(photo('a'), 400)).toMatchObject({ width: 400, height: 300 });
  });

  it('shows the nearest level it holds while a new one decodes, and loads the file once', async () => {
    const { cache, loads, decodes, settle } = cacheWith();
    cache.pictureFor(photo('a'), 400);
    await settle();
    expect(cache.pictureFor(photo('a'), 1600)).toMatchObject({ width: 400 });
    await settle();
    expect(cache.pictureFor(photo('a'), 1600)).toMatchObject({ width: 1600 });
    expect(loads).toEqual(['a']);
    expect(decodes).toEqual([
      [400, 300],
      [1600, 1200],
    ]);
  });

  it('keeps decoded bytes under its bound, closing what it drops', async () => {
    // Room for one 400 x 300 picture (480,000 bytes) but not two.
    const { cache, settle } = cacheWith({ maxPictureBytes: 600_000 });
    cache.pictureFor(photo('a'), 400);
    await settle();
    const first = cache.pictureFor(photo('a'), 400)!;
    cache.pictureFor(photo('b'), 400);
    await settle();
    expect(first.closed).toBe(true);
    expect(cache.stats.pictures).toBe(1);
    expect(cache.stats.bytes).toBe(480_000);
    expect(cache.pictureFor(photo('b'), 400)).toMatchObject({ width: 400 });
  });

  it('asks again for a file it could not have only after a while', async () => {
    const { cache, loads, settle, advance } = cacheWith({ failLoads: true });
    cache.pictureFor(photo('a'), 400);
    await settle();
    cache.pictureFor(photo('a'), 400);
    await settle();
    expect(loads).toEqual(['a']);
    advance(10_000);
    cache.pictureFor(photo('a'), 400);
    await settle();
    expect(loads).toEqual(['a', 'a']);
  });
});

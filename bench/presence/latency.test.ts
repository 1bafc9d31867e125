import { describe, expect, it } from 'vitest';
import { type Frame, frameRate, jumpLatencies, receiptLatencies, type Sample, sweepLags } from './latency';

/** Frames every 16 ms from `t0`, drawing the cursor at `positions` in turn. */
const framesFrom = (t0: number, positions: ([number, number] | null)[]): Frame[] =>
  positions.map((p, i) => ({ t: t0 + i * 16, x: p?.[0] ?? null, y: p?.[1] ?? null }));

describe('jumpLatencies', () => {
  it('times the first frame that moves and the first at the new point', () => {
    const jumps: Sample[] = [
      { t: 1000, x: 100, y: 100 },
      { t: 1300, x: 400, y: 300 },
    ];
    const frames = framesFrom(990, [
      null, // 990: no cursor yet
      null, // 1006
      [100, 100], // 1022: first shown, already at the point
      ...Array<[number, number]>(18).fill([100, 100]), // resting through 1310
      [250, 200], // 1326: gliding
      [400, 300], // 1342: there
    ]);
    const result = jumpLatencies(jumps, frames);
    expect(result.transit).toEqual([22, 26]);
    expect(result.arrival).toEqual([22, 42]);
    expect(result).toMatchObject({ superseded: 0, unseen: 0, notAtRest: 0 });
  });

  it('counts a point the cursor glided past without ever being drawn at, and a jump it never followed', () => {
    const jumps: Sample[] = [
      { t: 0, x: 0, y: 0 },
      { t: 100, x: 300, y: 0 },
      { t: 120, x: 600, y: 0 },
      { t: 400, x: 900, y: 900 },
    ];
    const frames = framesFrom(10, [
      [0, 0],
      ...Array<[number, number]>(6).fill([0, 0]), // to 106
      [200, 0], // 122: towards 300, retargeted to 600
      [450, 0],
      [600, 0], // 154
      ...Array<[number, number]>(30).fill([600, 0]), // never moves towards 900
    ]);
    const result = jumpLatencies(jumps, frames);
    expect(result.arrival).toEqual([10, 34]); // 0 at 10; 600 at 154
    expect(result.superseded).toBe(1); // 300
    expect(result.unseen).toBe(1); // 900
    expect(result.transit).toEqual([10, 22]); // the jump to 600 came mid-glide: no transit
    expect(result.notAtRest).toBe(1);
  });
});

describe('receiptLatencies', () => {
  it('times the first receipt of each jump point after the jump, and leaves out one never received', () => {
    const jumps: Sample[] = [
      { t: 100, x: 10, y: 10 },
      { t: 400, x: 300, y: 200 },
      { t: 700, x: 50, y: 60 },
    ];
    const receipts: Sample[] = [
      { t: 90, x: 300, y: 200 }, // before its jump: not it
      { t: 112, x: 10, y: 10 },
      { t: 130, x: 10, y: 10 }, // a republish of the same point
      { t: 409, x: 300, y: 200 },
    ];
    expect(receiptLatencies(jumps, receipts)).toEqual([12, 9]);
  });
});

describe('sweepLags', () => {
  const line = (y: number, t0: number, xs: number[]): Sample[] => xs.map((x, i) => ({ t: t0 + i * 10, x, y }));

  it('lags each frame behind the moment the pointer first got to its x on its line', () => {
    const pointer = [...line(100, 0, [0, 8, 16, 24]), ...line(200, 100, [0, 8, 16])];
    const frames: Frame[] = [
      { t: 25, x: 4, y: 100 }, // pointer passed 4 at t=10 (x=8)
      { t: 41, x: 16, y: 100 }, // at 16 at t=20
      { t: 57, x: 24, y: 100 }, // the end, reached at 30
      { t: 73, x: 24, y: 100 }, // resting at the end: left out
      { t: 89, x: 12, y: 150 }, // between lines: left out
      { t: 105, x: 0, y: 200 }, // 200's start at 100
      { t: 121, x: 16.04, y: 200 }, // its end (rounding) at 120
    ];
    expect(sweepLags(pointer, frames)).toEqual([15, 21, 27, 5, 1]);
  });

  it("leaves out a cursor resting with the pointer at a line's start, and counts from when the sweep moves", () => {
    const pointer = [{ t: 0, x: 0, y: 100 }, ...line(100, 300, [8, 16])];
    const frames: Frame[] = [
      { t: 5, x: 0, y: 100 }, // arrived at the start: counted once
      { t: 21, x: 0, y: 100 }, // resting there with the pointer: left out
      { t: 290, x: 0, y: 100 },
      { t: 306, x: 0, y: 100 }, // the pointer went on at 300: stale now
      { t: 322, x: 8, y: 100 },
    ];
    expect(sweepLags(pointer, frames)).toEqual([5, 306, 22]);
  });

  it('keeps counting while the drawn cursor is stuck and the pointer moves on', () => {
    const pointer = line(100, 0, [0, 8, 16, 24, 32, 40]);
    const frames: Frame[] = [16, 32, 48, 64].map((t) => ({ t, x: 8, y: 100 }));
    expect(sweepLags(pointer, frames)).toEqual([6, 22, 38, 54]);
  });
});

describe('frameRate', () => {
  it('is frames per second over the span', () => {
    expect(frameRate(framesFrom(0, Array(61).fill(null)))).toBeCloseTo(62.5);
    expect(frameRate([])).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PRESENCE_LASER_POINTS, presenceStateSchema } from '../../shared/protocol';
import { LASER_FADE_MS, LaserTrail, MAX_LASER_TRAIL_POINTS, RemoteLaserTrails } from './laser-trail';

describe('laser trail', () => {
  it('fades each point over LASER_FADE_MS and forgets it after', () => {
    const trail = new LaserTrail();
    trail.add({ x: 0, y: 0 }, 1_000);
    trail.add({ x: 10, y: 0 }, 1_500);
    expect(trail.visible(1_000).map((p) => p.alpha)).toEqual([1, 1]);
    const half = trail.visible(1_500);
    expect(half[0]?.alpha).toBeCloseTo(0.5);
    expect(half[1]?.alpha).toBe(1);
    expect(trail.visible(1_000 + LASER_FADE_MS).map((p) => p.x)).toEqual([10]);
    expect(trail.isEmpty(1_500 + LASER_FADE_MS)).toBe(true);
  });

  it('keeps a bounded number of points and shares only the newest, with the running count', () => {
    const trail = new LaserTrail();
    for (let i = 0; i < MAX_LASER_TRAIL_POINTS + 50; i++) trail.add({ x: i, y: 0 }, 0);
    expect(trail.visible(0)).toHaveLength(MAX_LASER_TRAIL_POINTS);
    expect(trail.visible(0)[0]?.x).toBe(50);
    const shared = trail.shared();
    expect(shared.seq).toBe(MAX_LASER_TRAIL_POINTS + 50);
    expect(shared.points).toHaveLength(MAX_PRESENCE_LASER_POINTS);
    expect(shared.points.at(-1)).toEqual([MAX_LASER_TRAIL_POINTS + 49, 0]);
  });

  it('a receiver adds only the points it has not seen, on its own clock, and drops people who left', () => {
    const remote = new RemoteLaserTrails();
    remote.receive(
      7,
      {
        seq: 2,
        points: [
          [0, 0],
          [1, 1],
        ],
      },
      100,
    );
    remote.receive(
      7,
      {
        seq: 2,
        points: [
          [0, 0],
          [1, 1],
        ],
      },
      150,
    ); // the same state again
    remote.receive(
      7,
      {
        seq: 4,
        points: [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ],
      },
      200,
    );
    remote.receive(7, null, 250); // not lasering now: the trail fades on
    const [trail] = remote.visible(200);
    expect(trail?.points.map((p) => p.x)).toEqual([0, 1, 2, 3]);
    expect(remote.visible(100 + LASER_FADE_MS)[0]?.points.map((p) => p.x)).toEqual([2, 3]);
    remote.keepOnly(new Set());
    expect(remote.visible(200)).toEqual([]);
  });

  it('is optional and bounded in a presence state', () => {
    const state = {
      v: 1,
      user: { name: 'Ann', color: '#123456' },
      cursor: null,
      selection: [],
      gesture: null,
      viewport: null,
      activity: 'active',
      following: null,
    };
    expect(presenceStateSchema.safeParse(state).success).toBe(true);
    expect(presenceStateSchema.safeParse({ ...state, laser: { seq: 1, points: [[1, 2]] } }).success).toBe(true);
    const tooMany = Array.from({ length: MAX_PRESENCE_LASER_POINTS + 1 }, () => [0, 0]);
    expect(presenceStateSchema.safeParse({ ...state, laser: { seq: 1, points: tooMany } }).success).toBe(false);
  });
});

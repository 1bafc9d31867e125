import { describe, expect, it } from 'vitest';
import { frameStats, snapToVsync, VSYNC_INTERVAL_MS, VSYNC_MS } from './stats';

describe('frame statistics', () => {
  it('summarises steady 60 Hz frames as no drops', () => {
    const stats = frameStats(Array.from({ length: 60 }, () => VSYNC_MS));
    expect(stats.frames).toBe(60);
    expect(stats.p50Ms).toBeCloseTo(VSYNC_MS);
    expect(stats.p95Ms).toBeCloseTo(VSYNC_MS);
    expect(stats.droppedFrames).toBe(0);
    expect(stats.missedVsyncs).toBe(0);
    expect(stats.fps).toBeCloseTo(1000 / VSYNC_MS);
  });

  it('counts dropped frames over 1.5 vsyncs and the vsyncs each one missed', () => {
    // 25 ms is under 1.5 × 16.7 (25.05): not dropped, rounds to 1 vsync.
    const stats = frameStats([16.7, 25, 26, 33.4, 50.1, 100, 16.7, 16.7, 16.7, 16.7]);
    expect(stats.droppedFrames).toBe(4); // 26, 33.4, 50.1, 100
    // round(26/16.7)-1 = 1, 33.4 → 1, 50.1 → 2, 100 → 5
    expect(stats.missedVsyncs).toBe(9);
    expect(stats.maxMs).toBe(100);
    expect(stats.durationMs).toBeCloseTo(318);
    expect(stats.fps).toBeCloseTo((10 / 318) * 1000);
  });

  it('uses nearest-rank percentiles on the deltas', () => {
    const deltas = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100, shuffled order must not matter
    const stats = frameStats([...deltas].reverse());
    expect(stats.p50Ms).toBe(50);
    expect(stats.p95Ms).toBe(95);
    expect(stats.p99Ms).toBe(99);
    expect(stats.fpsAtP95).toBeCloseTo(1000 / 95);
  });

  it('is all NaN and zero counts without frames', () => {
    const stats = frameStats([]);
    expect(stats.frames).toBe(0);
    expect(stats.droppedFrames).toBe(0);
    expect(stats.p95Ms).toBeNaN();
    expect(stats.fps).toBeNaN();
  });

  it('snaps frame-timestamp intervals to whole vsyncs, so timer rounding is not lateness but a missed vsync is', () => {
    const snapped = snapToVsync([16.6, 16.8, 16.7, 33.3, 50.1, 8.2]);
    expect(snapped.map((ms) => Math.round(ms / VSYNC_INTERVAL_MS))).toEqual([1, 1, 1, 2, 3, 1]);
    const stats = frameStats(snapped);
    expect(stats.p50Ms).toBeLessThan(VSYNC_MS);
    expect(stats.droppedFrames).toBe(2);
    expect(stats.missedVsyncs).toBe(3);
  });
});

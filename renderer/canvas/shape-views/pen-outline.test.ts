import { describe, expect, it } from 'vitest';
import { penOutline, type PenPathSink, tracePenOutline } from './pen-outline';

function recorder(): PenPathSink & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    moveTo: (x, y) => calls.push(`M ${x} ${y}`),
    quadraticCurveTo: (cx, cy, x, y) => calls.push(`Q ${cx} ${cy} ${x} ${y}`),
    closePath: () => calls.push('Z'),
  };
}

describe('tracePenOutline', () => {
  it('runs through the edge midpoints with a curve at every vertex, and closes', () => {
    const path = recorder();
    tracePenOutline(path, [0, 0, 10, 0, 10, 10, 0, 10]);
    expect(path.calls).toEqual(['M 5 0', 'Q 10 0 10 5', 'Q 10 10 5 10', 'Q 0 10 0 5', 'Q 0 0 5 0', 'Z']);
  });

  it('draws nothing for fewer than three vertices', () => {
    const path = recorder();
    tracePenOutline(path, [0, 0, 10, 0]);
    expect(path.calls).toEqual([]);
  });

  it('traces a real outline: one curve per outline vertex', () => {
    const outline = penOutline([0, 0, 0.5, 30, 10, 0.5, 60, 0, 0.5], 4);
    const path = recorder();
    tracePenOutline(path, outline);
    expect(path.calls.filter((call) => call.startsWith('Q'))).toHaveLength(outline.length / 2);
    expect(path.calls.at(-1)).toBe('Z');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewport } from '../state/ui-store';
import { LONG_PRESS_MS, TouchInput } from './touch-input';

function setup() {
  let viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  const target = {
    cancelTool: vi.fn(),
    viewport: () => viewport,
    setViewport: (next: Viewport) => void (viewport = next),
    openContextMenu: vi.fn(),
  };
  const input = new TouchInput(target);
  const finger = (pointerId: number, x: number, y: number, pointerType = 'touch') => ({
    event: { pointerId, pointerType, clientX: x + 10, clientY: y + 50 },
    at: { x, y },
  });
  const down = (id: number, x: number, y: number, type?: string) => {
    const f = finger(id, x, y, type);
    return input.down(f.event, f.at);
  };
  const move = (id: number, x: number, y: number, type?: string) => {
    const f = finger(id, x, y, type);
    return input.move(f.event, f.at);
  };
  const up = (id: number, type?: string) => input.up(finger(id, 0, 0, type).event);
  return { input, target, down, move, up, viewport: () => viewport };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('touch input', () => {
  it('gives one finger to the tool; a second cancels the tool and pinches instead', () => {
    const t = setup();
    expect(t.down(1, 100, 100)).toBe('tool');
    expect(t.move(1, 110, 100)).toBe('tool');
    expect(t.down(2, 200, 100)).toBe('taken');
    expect(t.target.cancelTool).toHaveBeenCalledOnce();
    // From 110 and 200 apart to twice the distance about the same midpoint (155, 100): 2×.
    expect(t.move(2, 245, 100)).toBe('taken');
    expect(t.move(1, 65, 100)).toBe('taken');
    expect(t.viewport().zoom).toBeCloseTo(2);
    // The finger left behind does not start drawing; the tool hears nothing until all are up.
    expect(t.up(2)).toBe('taken');
    expect(t.move(1, 60, 100)).toBe('taken');
    expect(t.up(1)).toBe('taken');
    expect(t.down(3, 10, 10)).toBe('tool');
  });

  it('pans with two fingers moving together, without zooming', () => {
    const t = setup();
    t.down(1, 100, 100);
    t.down(2, 200, 100);
    t.move(1, 100, 140);
    t.move(2, 200, 140);
    expect(t.viewport()).toEqual({ x: 0, y: -40, zoom: 1 });
  });

  it('opens the context menu after a still long press, at the window point, cancelling the tool', () => {
    const t = setup();
    t.down(1, 100, 100);
    t.move(1, 103, 102); // within the slop
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(t.target.cancelTool).toHaveBeenCalledOnce();
    expect(t.target.openContextMenu).toHaveBeenCalledWith(113, 152);
    expect(t.move(1, 150, 150)).toBe('taken');
    expect(t.up(1)).toBe('taken');
  });

  it('is no long press when the finger moves or lifts first', () => {
    const t = setup();
    t.down(1, 100, 100);
    t.move(1, 130, 100);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    t.up(1);
    t.down(2, 100, 100);
    t.up(2);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(t.target.openContextMenu).not.toHaveBeenCalled();
  });

  it('once a pen was used, a finger pans instead of drawing (palm rejection); the pen still draws', () => {
    const t = setup();
    expect(t.down(9, 50, 50, 'pen')).toBe('tool');
    expect(t.up(9, 'pen')).toBe('tool');
    expect(t.input.palmRejecting).toBe(true);
    expect(t.down(1, 100, 100)).toBe('taken');
    expect(t.move(1, 80, 70)).toBe('taken');
    expect(t.viewport()).toEqual({ x: 20, y: 30, zoom: 1 });
    expect(t.up(1)).toBe('taken');
    expect(t.target.cancelTool).not.toHaveBeenCalled();
    expect(t.down(9, 50, 50, 'pen')).toBe('tool');
  });

  it('leaves the mouse alone', () => {
    const t = setup();
    expect(t.down(1, 1, 1, 'mouse')).toBe('tool');
    expect(t.move(1, 2, 2, 'mouse')).toBe('tool');
    expect(t.up(1, 'mouse')).toBe('tool');
  });
});

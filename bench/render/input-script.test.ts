import { describe, expect, it } from 'vitest';
import { inputScript } from './input-script';

describe('scripted pan/zoom input', () => {
  it('sends 60 events per second, in time order', () => {
    const steps = inputScript(5, 60);
    expect(steps).toHaveLength(300);
    expect(steps[1]!.atMs - steps[0]!.atMs).toBeCloseTo(1000 / 60);
  });

  it('covers zoomed-out (0.1-0.3) and zoomed-in views and returns to zoom 1 each cycle', () => {
    const steps = inputScript(5, 60);
    const zooms = steps.map((step) => step.zoomAfter);
    expect(Math.min(...zooms)).toBeCloseTo(0.1);
    expect(zooms.some((zoom) => Math.abs(zoom - 0.3) < 1e-6)).toBe(true);
    expect(Math.max(...zooms)).toBeCloseTo(2);
    expect(zooms.at(-1)).toBeCloseTo(1);
    expect(steps.filter((step) => step.ctrl).every((step) => step.deltaX === 0)).toBe(true);
  });
});

import { expect } from '@playwright/test';

/**
 * Asserts that each named number of `actual` is within `tolerance` of the
 * expected one. Geometry made with a mouse is exact up to a pixel or two
 * (stroke padding, sub-pixel layout), so tests compare with a margin and
 * the failure names every field that is off.
 */
export function expectNear(actual: object, expected: Readonly<Record<string, number>>, tolerance = 2): void {
  const fields = actual as Partial<Record<string, unknown>>;
  const off = Object.entries(expected).flatMap(([key, want]) => {
    const got = fields[key];
    return typeof got === 'number' && Math.abs(got - want) <= tolerance
      ? []
      : [`${key}: ${String(got)} (want ${want})`];
  });
  expect(off, `fields not within ±${tolerance} of what was expected`).toEqual([]);
}

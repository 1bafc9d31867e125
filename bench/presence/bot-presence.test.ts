import { describe, expect, it } from 'vitest';
import { presenceStateSchema } from '../../shared/protocol';
import { botPresence, LAP_MS } from './bot-presence';
import { AREA } from './plan';

describe('botPresence', () => {
  it('is a presence state the clients accept, for any person at any time', () => {
    for (const index of [0, 1, 47, 199]) {
      for (const now of [0, 1234, LAP_MS * 3.5])
        expect(presenceStateSchema.safeParse(botPresence(index, now)).success).toBe(true);
    }
  });

  it('moves the cursor over time, inside the area the Watcher shows', () => {
    const positions = [0, 500, 1000, 1500].map((t) => botPresence(3, t).cursor!);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(4);
    for (const p of positions) {
      expect(p.x).toBeGreaterThanOrEqual(AREA.minX - 40);
      expect(p.x).toBeLessThanOrEqual(AREA.maxX + 40);
    }
  });
});

import { PRESENCE_VERSION, type PresenceState } from '../../shared/protocol';
import { AREA } from './plan';

/** The headless people's colours: any valid ones; the Watcher draws every cursor in its own. */
const COLORS = ['#e03131', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c'] as const;
/** One lap of a headless person's cursor, ms. */
export const LAP_MS = 4_000;

/**
 * What headless person `index` publishes at `nowMs`: a full, valid presence
 * state (the Watcher validates every state and draws the cursor), with the
 * cursor going round a circle of its own in the plan's area, as a person
 * moving their mouse would.
 */
export function botPresence(index: number, nowMs: number): PresenceState {
  const centreX = AREA.minX + ((index * 97) % (AREA.maxX - AREA.minX));
  const centreY = AREA.minY + ((index * 53) % (AREA.maxY - AREA.minY));
  const angle = ((nowMs % LAP_MS) / LAP_MS) * 2 * Math.PI + index;
  return {
    v: PRESENCE_VERSION,
    user: { name: `Headless ${index}`, color: COLORS[index % COLORS.length]! },
    cursor: { x: Math.round(centreX + 40 * Math.cos(angle)), y: Math.round(centreY + 40 * Math.sin(angle)) },
    selection: [],
    gesture: null,
    viewport: { x: 0, y: 0, zoom: 1, width: 1280, height: 684 },
    activity: 'active',
    following: null,
  };
}

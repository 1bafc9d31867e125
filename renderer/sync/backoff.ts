import { RECONNECT_MAX_MS, RECONNECT_MIN_MS } from './constants';

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with
 * "equal jitter" (half fixed, half random) so a room of clients dropped by one
 * relay restart does not come back in lockstep.
 */
export function reconnectDelayMs(
  attempt: number,
  random: () => number = Math.random,
  minMs = RECONNECT_MIN_MS,
  maxMs = RECONNECT_MAX_MS,
): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

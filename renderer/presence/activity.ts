/**
 * Whether someone is at the board: away when their tab is hidden, idle after a
 * minute without input, active otherwise.
 */
import type { Activity } from '../../shared/protocol';

export const IDLE_AFTER_MS = 60_000;

export function activityOf(input: { hidden: boolean; lastInputAt: number; now: number }): Activity {
  if (input.hidden) return 'away';
  return input.now - input.lastInputAt >= IDLE_AFTER_MS ? 'idle' : 'active';
}

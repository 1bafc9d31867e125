import { z } from 'zod';
import { type JoinTargetPayload, joinTargetSchema } from '../../../shared/desktop';
import { navigate } from '../../routing/navigation';
import { JOIN_PATH } from '../../routing/route';

/**
 * How the rest of the app opens the join screen with a target filled in (an
 * `easel://join?…` link handed to the app, a recent session): the target
 * rides in `history.state`, so Back returns to where the person was and the
 * address bar stays `/join` with the page's own `?relay=&t=`. Each request
 * carries a fresh id, so asking again while the join screen is open starts a
 * new probe instead of being ignored as "the same page".
 */
export interface JoinRequest {
  id: string;
  /** Checked by the join screen: a link from outside the app may be malformed. */
  target: unknown;
}

const joinRequestStateSchema = z.object({
  joinRequest: z.object({ id: z.string(), target: z.unknown() }),
});

let requestCount = 0;

/** Opens the join screen with `target` filled in; it asks the person before anything is sent to that relay. */
export function requestJoin(target: JoinTargetPayload): void {
  requestCount += 1;
  const joinRequest: JoinRequest = { id: `${Date.now()}-${requestCount}`, target };
  navigate(JOIN_PATH, { joinRequest });
}

/** The request a `history.state` carries, or null for a plain visit to the join screen. */
export function joinRequestFrom(state: unknown): JoinRequest | null {
  const parsed = joinRequestStateSchema.safeParse(state);
  return parsed.success ? { id: parsed.data.joinRequest.id, target: parsed.data.joinRequest.target } : null;
}

/** A request's target, or a sentence saying why it cannot be joined. */
export function checkJoinTarget(
  target: unknown,
): { ok: true; target: JoinTargetPayload } | { ok: false; message: string } {
  const parsed = joinTargetSchema.safeParse(target);
  if (parsed.success) return { ok: true, target: parsed.data };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return { ok: false, message: `That join link cannot be used (${where}${first?.message ?? 'not a join target'}).` };
}

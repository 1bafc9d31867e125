import type { RelayInfo } from '../../../shared/desktop';
import { originOf } from '../ipc/sender';

/**
 * Where a window must go when the embedded relay moved (sharing started or
 * stopped, a restart after a crash), for a page that does not follow moves
 * itself (see `relay.onChange` in the preload API): the same page with
 * `?relay=` and `?t=` pointing at the relay's new address. Null when nothing
 * needs to change: the page is not ours, it is on a remote relay (a joined
 * session), or it already points at the new address.
 */
export function pageUrlAfterMove(
  pageUrl: string,
  previousRelayUrl: string | null,
  relay: RelayInfo,
  trustedOrigins: readonly string[],
): string | null {
  if (relay.url === null || relay.state !== 'running') return null;
  const origin = originOf(pageUrl);
  if (origin === null || !trustedOrigins.includes(origin)) return null;
  const page = new URL(pageUrl);
  const current = page.searchParams.get('relay');
  if (current === relay.url && page.searchParams.get('t') === relay.token) return null;
  // A page on someone else's relay stays there; only pages on our previous address follow us.
  if (current !== null && current !== previousRelayUrl) return null;
  page.searchParams.set('relay', relay.url);
  page.searchParams.set('t', relay.token);
  return page.toString();
}

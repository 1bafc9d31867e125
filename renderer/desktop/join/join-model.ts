/**
 * What the join screen shows and where it goes, as pure functions: the words
 * for a probe's problem, the page address of a joined relay, the order of
 * sessions found on the LAN and how recent joins are labelled.
 */
import type { DiscoveredSession, JoinTargetPayload, ProbeResult, RecentJoin, RelayInfo } from '../../../shared/desktop';
import { boardPath, HOME_PATH } from '../../routing/route';

export type ProbeProblemResult = Extract<ProbeResult, { ok: false }>;

/** A short headline naming the problem; the probe's own message follows it with the details. */
export function probeProblemHeadline(result: ProbeProblemResult, sentToken: boolean): string {
  switch (result.problem) {
    case 'unreachable':
      return 'Unreachable: nothing answered at that address.';
    case 'not-a-relay':
      return 'That address is not an Easel relay.';
    case 'protocol-mismatch':
      return 'That relay needs another Easel version.';
    case 'unauthorized':
      return sentToken ? 'Wrong token: the relay refused it.' : 'That relay needs a token.';
  }
}

/** Query parameters that choose the relay; every other one (`name`, `e2e`) is kept when moving. */
const RELAY_PARAMS = ['relay', 't'] as const;

/**
 * The page to load to work on `target`'s relay: the app's own origin, with
 * the relay and its token in the query (renderer/app/relay-url.ts and
 * access-token.ts read them), on the board when the target names one.
 */
export function joinedPageHref(target: JoinTargetPayload, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of RELAY_PARAMS) params.delete(name);
  params.set('relay', target.relayUrl);
  if (target.token !== undefined) params.set('t', target.token);
  const path = target.boardId === undefined ? HOME_PATH : boardPath(target.boardId);
  return `${path}?${params.toString()}`;
}

/** Home on this machine's own relay, or null while it has no address yet. */
export function ownBoardsHref(relay: RelayInfo, currentSearch: string): string | null {
  if (relay.url === null) return null;
  return joinedPageHref({ relayUrl: relay.url, token: relay.token }, currentSearch);
}

/** Compatible sessions first, then by name: one that cannot be joined is listed, below the ones that can. */
export function orderDiscovered(sessions: readonly DiscoveredSession[]): DiscoveredSession[] {
  return [...sessions].sort(
    (a, b) => Number(b.compatible) - Number(a.compatible) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/** Where a discovered session is joined (its first announced address); the token is never announced. */
export function discoveredTarget(session: DiscoveredSession): JoinTargetPayload | null {
  const relayUrl = session.relayUrls[0];
  if (relayUrl === undefined) return null;
  return { relayUrl, ...(session.boardId !== undefined && { boardId: session.boardId }) };
}

/** How a target is named in lists and remembered: "board retro on 192.168.1.20:4455". */
export function targetLabel(target: Pick<JoinTargetPayload, 'relayUrl' | 'boardId'>): string {
  const host = target.relayUrl.replace(/^http:\/\//, '');
  return target.boardId === undefined ? host : `${target.boardId} on ${host}`;
}

/** A recent join's name: the label it was remembered with, else where it points. */
export function recentLabel(recent: RecentJoin): string {
  return recent.label ?? targetLabel(recent);
}

/** What the link field shows for a target: the http join link without its token (that has its own field). */
export function linkFieldText(target: JoinTargetPayload): string {
  const path = target.boardId === undefined ? '' : boardPath(target.boardId);
  return `${target.relayUrl}${path}`;
}

/** Identity of a recent join, as the main process keys them. */
export function recentKey(recent: Pick<RecentJoin, 'relayUrl' | 'boardId'>): string {
  return `${recent.relayUrl} ${recent.boardId ?? ''}`;
}

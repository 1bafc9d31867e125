/**
 * Join links, both ways. A host shares two forms of the same thing:
 *
 *   http://ADDR:PORT/b/<boardId>?t=<token>               opens the browser client
 *   easel://join?relay=<relayUrl>&board=<boardId>&t=<token>  opens the desktop app
 *
 * and "Join" also takes a relay address typed by hand (`192.168.1.20:4455`,
 * `host.local`, `https://relay.example.com`) with the token in its own field.
 * Everything parsed here comes from a person or another program, so it is
 * checked strictly: http/https relays only, no credentials in URLs, board ids
 * of the protocol's alphabet, tokens without whitespace.
 */
import { BOARD_ID_PATTERN, MAX_TOKEN_LENGTH } from '../protocol';

/** The relay's port when a typed address has none (the standalone relay's default too). */
export const DEFAULT_RELAY_PORT = 4455;
export const EASEL_LINK_SCHEME = 'easel';
/** Longest text "Join" takes; a real link is a few hundred characters. */
export const MAX_JOIN_INPUT_LENGTH = 4096;

export interface JoinTarget {
  /** The relay's origin, `http(s)://host:port`, no path. */
  relayUrl: string;
  boardId?: string;
  token?: string;
}

export type JoinParse = { ok: true; target: JoinTarget } | { ok: false; message: string };

const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export function isValidToken(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH && TOKEN_PATTERN.test(token);
}

/** `http://ADDR:PORT/b/<boardId>?t=<token>`, or the relay's home page when there is no board. */
export function formatHttpJoinLink(target: JoinTarget): string {
  const url = new URL(target.boardId === undefined ? '/' : `/b/${target.boardId}`, target.relayUrl);
  if (target.token !== undefined) url.searchParams.set('t', target.token);
  return url.toString();
}

/** `easel://join?relay=<relayUrl>&board=<boardId>&t=<token>`. */
export function formatEaselJoinLink(target: JoinTarget): string {
  const params = new URLSearchParams({ relay: target.relayUrl });
  if (target.boardId !== undefined) params.set('board', target.boardId);
  if (target.token !== undefined) params.set('t', target.token);
  return `${EASEL_LINK_SCHEME}://join?${params.toString()}`;
}

/** `http://ADDR:PORT` for an IPv4 or IPv6 address (the latter in brackets). */
export function relayUrlFor(address: string, port: number, scheme: 'http' | 'https' = 'http'): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return new URL(`${scheme}://${host}:${port}`).origin;
}

/**
 * Reads what a person pasted into "Join": an http(s) join link, an easel://
 * link, or a bare `host[:port]`. `typedToken` is the separate token field; it
 * fills in a link without one, and must agree with a link that has one.
 */
export function parseJoinInput(input: string, typedToken?: string): JoinParse {
  const text = input.trim();
  if (text === '') return fail('Paste a join link or type the host’s address.');
  if (text.length > MAX_JOIN_INPUT_LENGTH) return fail('That is too long to be a join link.');
  if (/\s/.test(text)) return fail('A join link has no spaces in it.');

  const parsed = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^easel:/i.test(text) ? parseUrl(text) : parseAddress(text);
  if (!parsed.ok) return parsed;

  const token = typedToken?.trim();
  if (token === undefined || token === '') return parsed;
  if (!isValidToken(token)) return fail(`The token must be 1-${MAX_TOKEN_LENGTH} characters without spaces.`);
  if (parsed.target.token !== undefined && parsed.target.token !== token) {
    return fail('The link carries a different token from the one typed; use one of them.');
  }
  return { ok: true, target: { ...parsed.target, token } };
}

/** Parses only `easel://join?…` links (what the OS hands the app for its protocol). */
export function parseEaselLink(text: string): JoinParse {
  if (!/^easel:/i.test(text.trim())) return fail('Not an easel:// link.');
  return parseJoinInput(text);
}

/** Checks a relay URL typed or stored elsewhere and returns its origin. */
export function parseRelayUrl(text: string): { ok: true; relayUrl: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('That is not a URL.');
  }
  const problem = relayUrlProblem(url);
  if (problem) return fail(problem);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return fail('A relay URL has no path or query.');
  return { ok: true, relayUrl: url.origin };
}

function parseUrl(text: string): JoinParse {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('That link is not a valid URL.');
  }
  if (url.protocol === `${EASEL_LINK_SCHEME}:`) return parseEaselUrl(url);
  const problem = relayUrlProblem(url);
  if (problem) return fail(problem);
  const boardRoute = /^\/b\/([^/]+)\/?$/.exec(url.pathname);
  if (!boardRoute && url.pathname !== '/') return fail('That link does not point at an Easel board.');
  const boardId = boardRoute?.[1];
  if (boardId !== undefined && !BOARD_ID_PATTERN.test(boardId)) return fail(badBoardId(boardId));
  return withToken({ relayUrl: url.origin, ...(boardId !== undefined && { boardId }) }, url.searchParams.get('t'));
}

function parseEaselUrl(url: URL): JoinParse {
  // `easel://join?…` parses with host "join"; `easel:join?…` with path "join".
  const action = url.host !== '' ? url.host : url.pathname.replace(/^\/+/, '');
  if (action.toLowerCase() !== 'join' || (url.host !== '' && url.pathname !== '' && url.pathname !== '/')) {
    return fail('Easel links look like easel://join?relay=…');
  }
  const relay = url.searchParams.get('relay');
  if (relay === null) return fail('That easel:// link does not say which relay to join.');
  const relayUrl = parseRelayUrl(relay);
  if (!relayUrl.ok) return fail(`The link’s relay: ${relayUrl.message}`);
  const boardId = url.searchParams.get('board') ?? undefined;
  if (boardId !== undefined && !BOARD_ID_PATTERN.test(boardId)) return fail(badBoardId(boardId));
  return withToken(
    { relayUrl: relayUrl.relayUrl, ...(boardId !== undefined && { boardId }) },
    url.searchParams.get('t'),
  );
}

/** `host`, `host:port`, `[v6]:port`: a relay on the LAN, plain http, 4455 unless said otherwise. */
function parseAddress(text: string): JoinParse {
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(text)) {
    return fail('Type a link, or an address such as 192.168.1.20:4455.');
  }
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return fail('That is not a valid address.');
  }
  if (url.port === '' && !/:\d+$/.test(text)) url.port = String(DEFAULT_RELAY_PORT);
  return { ok: true, target: { relayUrl: url.origin } };
}

function relayUrlProblem(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http and https relays can be joined.';
  if (url.username !== '' || url.password !== '') return 'A relay URL must not carry a user name or password.';
  if (url.hostname === '') return 'The relay URL has no host.';
  return null;
}

function withToken(target: JoinTarget, token: string | null): JoinParse {
  if (token === null) return { ok: true, target };
  if (!isValidToken(token)) return fail(`The link’s token must be 1-${MAX_TOKEN_LENGTH} characters without spaces.`);
  return { ok: true, target: { ...target, token } };
}

const badBoardId = (id: string) => `“${id.slice(0, 80)}” is not a board id (letters, digits, _ and -, at most 64).`;

const fail = (message: string) => ({ ok: false as const, message });

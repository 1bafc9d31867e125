import { createHash, timingSafeEqual } from 'node:crypto';
import { passIdOfToken } from '../../shared/access';
import {
  clipText,
  CONNECT_ERRORS,
  describeUntrusted,
  type HandshakeAuth,
  handshakeAuthSchema,
  PASS_REFUSED_DETAIL,
  PROTOCOL_VERSION,
} from '../../shared/protocol';
import type { Grant } from '../core/authorize';

/**
 * 'host': the desktop app's own window, admitted by the relay's host token.
 * 'guest': anyone else (on a standalone relay, everyone).
 */
export type ClientRole = 'host' | 'guest';

export type HandshakeVerdict =
  { ok: true; auth: HandshakeAuth; role: ClientRole; grant: Grant } | { ok: false; message: string; detail: string };

/** The grant a pass token holds, or undefined when it opens nothing (unknown, revoked, expired). */
export type PassLookup = (token: string) => Grant | undefined;

/**
 * Decides a Socket.IO handshake: protocol version first (a client of another
 * version must be told so, whatever else is wrong), then shape, then token:
 * the host token, the relay's `--token`, a pass token (shared/access; only
 * if it is one that still opens its board, even on a relay that asks for no
 * token, so a removed person cannot come back as everyone else), and with
 * neither token set, anyone else.
 */
export function checkHandshake(
  rawAuth: unknown,
  requiredToken: string | undefined,
  hostToken?: string,
  lookUpPass?: PassLookup,
): HandshakeVerdict {
  const version = typeof rawAuth === 'object' && rawAuth !== null ? (rawAuth as { v?: unknown }).v : undefined;
  if (version !== PROTOCOL_VERSION) {
    return {
      ok: false,
      message: CONNECT_ERRORS.protocolMismatch,
      // `v` is whatever the client sent, megabytes even: described, never copied.
      detail: `relay speaks protocol v${PROTOCOL_VERSION}; client sent ${describeUntrusted(version)}`,
    };
  }
  const parsed = handshakeAuthSchema.safeParse(rawAuth);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'BAD_REQUEST',
      detail: clipText(parsed.error.issues.map((i) => i.message).join('; '), 300),
    };
  }
  const auth = parsed.data;
  const verdict = grantForToken(auth.token, requiredToken, hostToken, lookUpPass);
  if (!verdict.ok) return { ok: false, message: CONNECT_ERRORS.unauthorized, detail: verdict.detail };
  return { ok: true, auth, role: verdict.role, grant: verdict.grant };
}

export type TokenVerdict = { ok: true; role: ClientRole; grant: Grant } | { ok: false; detail: string };

/**
 * What a token admits its bearer to, for a socket's handshake and for the
 * relay's file requests alike: the host token, the relay's `--token`, a pass
 * token that still opens its board, or (with neither token set) anyone.
 */
export function grantForToken(
  given: string | undefined,
  requiredToken: string | undefined,
  hostToken?: string,
  lookUpPass?: PassLookup,
): TokenVerdict {
  if (hostToken !== undefined && tokensMatch(given, hostToken)) {
    return { ok: true, role: 'host', grant: { kind: 'host' } };
  }
  if (tokensMatch(given, requiredToken)) return { ok: true, role: 'guest', grant: { kind: 'token' } };
  if (lookUpPass && given !== undefined && passIdOfToken(given) !== undefined) {
    const grant = lookUpPass(given);
    if (grant) return { ok: true, role: 'guest', grant };
    return { ok: false, detail: PASS_REFUSED_DETAIL };
  }
  if (requiredToken === undefined && hostToken === undefined) {
    return { ok: true, role: 'guest', grant: { kind: 'token' } };
  }
  return { ok: false, detail: 'missing or wrong access token' };
}

/** Constant-time comparison; hashing first makes the lengths equal. */
export function tokensMatch(given: string | undefined, required: string | undefined): boolean {
  if (given === undefined || required === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(required));
}

/**
 * Browsers send an Origin on WebSocket and polling requests, and any web page
 * can point one at 127.0.0.1. A relay therefore accepts only requests without
 * an Origin (native clients), from its own origin (the browser client it
 * serves), or from origins it was told to trust (the desktop renderer).
 */
export function isOriginAllowed(
  origin: string | undefined,
  hostHeader: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}

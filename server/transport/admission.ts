import { CONNECT_ERRORS } from '../../shared/protocol';
import { AddressRateLimit, addressKey, AuthLockout } from '../core/address-budgets';
import type { Grant } from '../core/authorize';
import type { ClientInfo, Logger } from '../core/types';
import type { RelayBudgets } from '../relay-budgets';
import { checkHandshake, type PassLookup } from './handshake';
import type { RelaySocket } from './socket-io-outbox';

export interface AdmissionOptions {
  token: string | undefined;
  hostToken: string | undefined;
  /** Finds the grant of a pass token (server/access); without it, pass tokens are like any other. */
  lookUpPass?: PassLookup;
  budgets: Pick<RelayBudgets, 'handshakesPerAddressPerMinute' | 'maxAuthFailuresPerAddress' | 'authLockoutMs'>;
  /** Wrong tokens per address, shared with the relay's other doors (file requests); one of its own when absent. */
  lockout?: AuthLockout;
  log: Logger;
}

/** What an admitted socket carries in `socket.data`. */
export interface AdmittedData {
  role: 'host' | 'guest';
  client: ClientInfo;
  /** What the connection may open (core/authorize.ts). */
  grant: Grant;
}

type Next = (error?: Error) => void;

/**
 * The Socket.IO middleware that decides every handshake (the namespace
 * connect): the host token is admitted whatever the budgets say (the desktop
 * host must never lock itself out, and its token is 128 random bits, not
 * worth guessing); anyone else is refused with RATE_LIMITED while their
 * address is locked out after too many wrong tokens, or past its handshakes
 * per minute, and is then checked as checkHandshake says.
 */
export function admission(options: AdmissionOptions): (socket: RelaySocket, next: Next) => void {
  const { budgets, log } = options;
  const handshakes = new AddressRateLimit({ burst: budgets.handshakesPerAddressPerMinute, refillMs: 60_000 });
  const lockout =
    options.lockout ??
    new AuthLockout({ maxFailures: budgets.maxAuthFailuresPerAddress, lockoutMs: budgets.authLockoutMs });

  return (socket, next) => {
    const address = addressKey(socket.handshake.address);
    const verdict = checkHandshake(socket.handshake.auth, options.token, options.hostToken, options.lookUpPass);
    const admit = (role: AdmittedData['role'], grant: Grant) => {
      const client: ClientInfo = {
        address,
        budgeted: role !== 'host',
        ...(verdict.ok && verdict.auth.name !== undefined && { name: verdict.auth.name }),
        ...(socket.handshake.address !== '' && { remoteAddress: socket.handshake.address }),
      };
      const data: AdmittedData = { role, client, grant };
      Object.assign(socket.data as object, data);
      next();
    };
    const refuse = (message: string, detail: string, extra: Record<string, unknown> = {}) =>
      next(Object.assign(new Error(message), { data: { detail, ...extra } }));

    if (verdict.ok && verdict.role === 'host') return admit('host', verdict.grant);
    const lockedMs = lockout.lockedFor(address);
    if (lockedMs > 0) {
      const retryAfterSeconds = Math.ceil(lockedMs / 1000);
      log.debug({ address }, 'refused a handshake: address locked out');
      return refuse(
        CONNECT_ERRORS.rateLimited,
        `too many wrong tokens from this address; try again in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
    if (!handshakes.take(address)) {
      log.debug({ address }, 'refused a handshake: too many from this address');
      return refuse(CONNECT_ERRORS.rateLimited, 'too many connection attempts from this address; slow down', {
        retryAfterSeconds: Math.ceil(60 / budgets.handshakesPerAddressPerMinute),
      });
    }
    if (verdict.ok) return admit(verdict.role, verdict.grant);
    log.warn({ address, reason: verdict.message, detail: verdict.detail }, 'refused');
    if (verdict.message === CONNECT_ERRORS.unauthorized && lockout.recordFailure(address)) {
      log.warn(
        { address, failures: budgets.maxAuthFailuresPerAddress, lockoutSeconds: budgets.authLockoutMs / 1000 },
        'address locked out after too many wrong tokens',
      );
    }
    refuse(verdict.message, verdict.detail);
  };
}

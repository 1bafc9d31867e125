/** Error codes carried in error acks (`{ ok: false, error: { code, message } }`). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_JOINED',
  'TOO_LARGE',
  'RATE_LIMITED',
  'INVALID_UPDATE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Messages of `connect_error` when the relay refuses a handshake. They are the
 * whole `Error.message`, so a client can switch on them.
 */
export const CONNECT_ERRORS = {
  unauthorized: 'UNAUTHORIZED',
  protocolMismatch: 'PROTOCOL_MISMATCH',
  /** Too many attempts from this address, or it is locked out after wrong tokens: retry later. */
  rateLimited: 'RATE_LIMITED',
} as const;
export type ConnectErrorMessage = (typeof CONNECT_ERRORS)[keyof typeof CONNECT_ERRORS];

/**
 * The `data.detail` of an UNAUTHORIZED refusal of a pass token that opens
 * nothing any more (revoked or expired): the client then says its access
 * ended instead of asking for a token.
 */
export const PASS_REFUSED_DETAIL = 'this link no longer opens a board here: it was removed or has expired';

export interface WireError {
  code: ErrorCode;
  message: string;
}
export interface ErrorAck {
  ok: false;
  error: WireError;
}

export function errorAck(code: ErrorCode, message: string): ErrorAck {
  return { ok: false, error: { code, message } };
}

/** An error the relay core raises on purpose; transports turn it into an error ack. */
export class RelayError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'RelayError';
    this.code = code;
  }
  toAck(): ErrorAck {
    return errorAck(this.code, this.message);
  }
}

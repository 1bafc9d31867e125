/**
 * The wire protocol version (docs/ARCHITECTURE.md#wire-protocol). A client sends it as `auth.v` in the
 * Socket.IO handshake; a relay refuses any other value with PROTOCOL_MISMATCH.
 * Additive changes keep it; breaking changes bump it.
 */
export const PROTOCOL_VERSION = 1 as const;
export type ProtocolVersion = typeof PROTOCOL_VERSION;

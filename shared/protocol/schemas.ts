import { z } from 'zod';
import { binarySchema } from './binary';
import { ERROR_CODES } from './errors';
import { BOARD_ID_PATTERN, MAX_NAME_LENGTH, MAX_TOKEN_LENGTH } from './limits';
import { clipText } from './untrusted-text';

export const boardIdSchema = z.string().regex(BOARD_ID_PATTERN, 'board id must match [A-Za-z0-9_-]{1,64}');

/**
 * Handshake `auth`. `v` is checked on its own first (a wrong version is
 * PROTOCOL_MISMATCH, not a malformed handshake), so it is loose here.
 */
export const handshakeAuthSchema = z.object({
  v: z.unknown(),
  name: z.string().max(MAX_NAME_LENGTH).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'color must be #rrggbb')
    .optional(),
  token: z.string().max(MAX_TOKEN_LENGTH).optional(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

// Client → relay
export const joinRequestSchema = z.object({ boardId: boardIdSchema, stateVector: binarySchema });
export const updateMessageSchema = z.object({ boardId: boardIdSchema, update: binarySchema });
export const leaveRequestSchema = z.object({ boardId: boardIdSchema });
export const awarenessMessageSchema = z.object({ boardId: boardIdSchema, update: binarySchema });

export type JoinRequest = z.input<typeof joinRequestSchema>;
export type UpdateMessage = z.input<typeof updateMessageSchema>;
export type LeaveRequest = z.input<typeof leaveRequestSchema>;
export type AwarenessMessage = z.input<typeof awarenessMessageSchema>;

export const roleSchema = z.enum(['editor', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

const wireErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
const errorAckSchema = z.object({ ok: z.literal(false), error: wireErrorSchema });

// Relay → client acks, validated by the client like any other input.
export const joinAckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    boardId: boardIdSchema,
    update: binarySchema,
    stateVector: binarySchema,
    epoch: z.string().min(1).max(128),
    role: roleSchema,
  }),
  errorAckSchema,
]);
export const plainAckSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), errorAckSchema]);

/** `board:role`: this connection is now an editor or a viewer of the board (a lock or an unlock). */
export const roleMessageSchema = z.object({ boardId: boardIdSchema, role: roleSchema });
export type RoleMessage = z.input<typeof roleMessageSchema>;

/** Why the relay ended a connection's access; the client shows `message` and stops reconnecting. */
export const ACCESS_ENDED_REASONS = ['revoked', 'expired'] as const;
export const ACCESS_ENDED_MESSAGES = {
  revoked: 'Your access to this board was removed',
  expired: 'Your access to this board has expired',
} as const satisfies Record<(typeof ACCESS_ENDED_REASONS)[number], string>;
export const accessEndedMessageSchema = z.object({
  reason: z.enum(ACCESS_ENDED_REASONS),
  message: z.string().max(200),
});
export type AccessEndedMessage = z.input<typeof accessEndedMessageSchema>;

export type JoinAck = z.input<typeof joinAckSchema>;
export type JoinAckParsed = z.output<typeof joinAckSchema>;
export type PlainAck = z.input<typeof plainAckSchema>;

/** Zod's issues folded into one line, for an error ack's message; clipped, as issues may quote the input. */
export function describeIssues(error: z.ZodError): string {
  const text = error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
  return clipText(text, 300);
}

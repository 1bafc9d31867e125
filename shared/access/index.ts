/**
 * Who may open which board, and how (docs/ARCHITECTURE.md#permissions). A
 * pass admits one person or one link to ONE board with ONE role; its token
 * is shown once, when it is made, and the relay keeps only its hash. The host
 * token (and a standalone relay's `--token`) stays "every board, editor".
 *
 * The host API, with the catalog's auth (`Authorization: Bearer <host token>`):
 *
 *   POST   /api/boards/:boardId/passes  { role, label?, expiresInSeconds? } → 201 CreatedPass
 *   GET    /api/boards/:boardId/passes  → { passes: Pass[] }   (never a token)
 *   DELETE /api/passes/:passId          → 204; everyone admitted with it is cut off at once
 *   PUT    /api/boards/:boardId/lock    → { boardId, locked: true }  (everyone but the host is a viewer)
 *   DELETE /api/boards/:boardId/lock    → { boardId, locked: false }
 *   GET    /api/boards/:boardId/access  → BoardAccess: locked, and who is on the board now
 *   GET    /api/boards/:boardId/joins   → { joins: JoinRecord[] }, newest first
 *
 * Errors are `{ ok: false, error: string }` with a fitting status, as the catalog's.
 */
import { z } from 'zod';
import { boardIdSchema, roleSchema } from '../protocol';

export const PASSES_API_PATH = '/api/passes';

/** Longest label a pass may carry ("Ana's laptop", "Edit link"). */
export const MAX_PASS_LABEL_LENGTH = 80;
/** Passes one board may have at once (expired ones do not count). */
export const MAX_PASSES_PER_BOARD = 50;
/** A pass lasts at most a year; one without an expiry lasts until it is revoked. */
export const MAX_PASS_LIFETIME_SECONDS = 365 * 24 * 60 * 60;
export const MIN_PASS_LIFETIME_SECONDS = 60;
/** Entries the join log keeps per board; older ones are dropped. */
export const MAX_JOIN_LOG_ENTRIES = 200;
/** Largest JSON body the access routes read (bytes). */
export const MAX_ACCESS_JSON_BYTES = 4 * 1024;

/** Pass ids: 16 url-safe characters. Not secret: the token carries the secret. */
export const PASS_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;
export const passIdSchema = z.string().regex(PASS_ID_PATTERN, 'a pass id is 16 letters, digits, _ or -');

/**
 * A pass token is `<passId>.<secret>`: the id finds the pass without
 * touching the secret, whose hash is then compared in constant time. The
 * secret is 32 random bytes in base64url (43 characters).
 */
export const PASS_TOKEN_PATTERN = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

/** The pass id a token names, or undefined when it is not shaped like a pass token. */
export function passIdOfToken(token: string): string | undefined {
  return PASS_TOKEN_PATTERN.exec(token)?.[1];
}

const labelSchema = z
  .string()
  .trim()
  .max(MAX_PASS_LABEL_LENGTH, `a label is at most ${MAX_PASS_LABEL_LENGTH} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((label) => !/[\u0000-\u001f\u007f]/.test(label), 'a label has no control characters');

export const createPassRequestSchema = z.strictObject({
  role: roleSchema,
  label: labelSchema.optional(),
  expiresInSeconds: z
    .number()
    .int('expiresInSeconds is a whole number of seconds')
    .min(MIN_PASS_LIFETIME_SECONDS, `a pass lasts at least ${MIN_PASS_LIFETIME_SECONDS} seconds`)
    .max(MAX_PASS_LIFETIME_SECONDS, 'a pass lasts at most a year')
    .optional(),
});
export type CreatePassRequest = z.infer<typeof createPassRequestSchema>;

export const passSchema = z.strictObject({
  id: passIdSchema,
  boardId: boardIdSchema,
  role: roleSchema,
  label: z.string().max(MAX_PASS_LABEL_LENGTH),
  createdAt: z.iso.datetime(),
  /** null: until it is revoked. */
  expiresAt: z.iso.datetime().nullable(),
});
export type Pass = z.infer<typeof passSchema>;

/** What POST answers, once: the only time the token is ever told. */
export const createdPassSchema = passSchema.extend({ token: z.string().regex(PASS_TOKEN_PATTERN) });
export type CreatedPass = z.infer<typeof createdPassSchema>;

export const passListSchema = z.strictObject({ passes: z.array(passSchema) });

export const lockStateSchema = z.strictObject({ boardId: boardIdSchema, locked: z.boolean() });
export type LockState = z.infer<typeof lockStateSchema>;

/**
 * How a connection got in: the host token, the relay's `--token` (or an open
 * relay, which asks for none), or a pass.
 */
export const ACCESS_KINDS = ['host', 'token', 'pass'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** Someone on the board now. */
export const presentPersonSchema = z.strictObject({
  /** The connection's id: stable while it stays connected. */
  connectionId: z.string().max(64),
  name: z.string().max(64).nullable(),
  access: z.enum(ACCESS_KINDS),
  /** The pass they came in with; Remove revokes it. */
  passId: passIdSchema.nullable(),
  passLabel: z.string().max(MAX_PASS_LABEL_LENGTH).nullable(),
  /** What they may do now (a locked board makes everyone but the host a viewer). */
  role: roleSchema,
  address: z.string().max(64),
  joinedAt: z.iso.datetime(),
});
export type PresentPerson = z.infer<typeof presentPersonSchema>;

export const boardAccessSchema = z.strictObject({
  boardId: boardIdSchema,
  locked: z.boolean(),
  people: z.array(presentPersonSchema),
});
export type BoardAccess = z.infer<typeof boardAccessSchema>;

/** One visit to a board: who, with which pass, from where, when they came and went. */
export const joinRecordSchema = z.strictObject({
  name: z.string().max(64).nullable(),
  access: z.enum(ACCESS_KINDS),
  passId: passIdSchema.nullable(),
  passLabel: z.string().max(MAX_PASS_LABEL_LENGTH).nullable(),
  role: roleSchema,
  address: z.string().max(64),
  joinedAt: z.iso.datetime(),
  /** null: still on the board, or the relay stopped before they left. */
  leftAt: z.iso.datetime().nullable(),
});
export type JoinRecord = z.infer<typeof joinRecordSchema>;

export const joinLogSchema = z.strictObject({ joins: z.array(joinRecordSchema).max(MAX_JOIN_LOG_ENTRIES) });

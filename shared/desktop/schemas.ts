/**
 * Runtime schemas of every desktop IPC payload (docs/ARCHITECTURE.md#ipc). The main process
 * parses each request with these before acting on it; the types the preload
 * API exposes are inferred from them, so the two cannot drift apart.
 */
import { z } from 'zod';
import { boardIdSchema, MAX_TOKEN_LENGTH } from '../protocol';
import { MAX_BOARD_FILE_CHARS } from '../model/limits';
import { isValidToken, MAX_JOIN_INPUT_LENGTH, parseRelayUrl } from './links';

/** A port a person may pick for sharing: unprivileged, so binding it never needs root. */
export const SHARE_PORT_MIN = 1024;
export const sharePortSchema = z.number().int().min(SHARE_PORT_MIN).max(65535);

export const tokenSchema = z
  .string()
  .max(MAX_TOKEN_LENGTH)
  .refine(isValidToken, `a token is 1-${MAX_TOKEN_LENGTH} printable characters without spaces`);

export const relayUrlSchema = z
  .string()
  .max(2048)
  .refine((text) => {
    const parsed = parseRelayUrl(text);
    return parsed.ok && parsed.relayUrl === text;
  }, 'a relay URL is an http(s) origin such as http://192.168.1.20:4455');

export const joinTargetSchema = z.strictObject({
  relayUrl: relayUrlSchema,
  boardId: boardIdSchema.optional(),
  token: tokenSchema.optional(),
});
export type JoinTargetPayload = z.infer<typeof joinTargetSchema>;

// Relay -----------------------------------------------------------------------

export const RELAY_STATES = ['starting', 'running', 'restarting', 'failed', 'stopped'] as const;

export const relayInfoSchema = z.strictObject({
  state: z.enum(RELAY_STATES),
  /** Where the renderer connects; null until the first start. Always a loopback-reachable URL. */
  url: z.string().nullable(),
  /** The host's own token: this app's windows present it, guests never see it. */
  token: z.string(),
  sharing: z.boolean(),
  /** Why the relay is `failed` or was last restarted. */
  error: z.string().optional(),
});
export type RelayInfo = z.infer<typeof relayInfoSchema>;

// Sharing ---------------------------------------------------------------------

export const shareStartRequestSchema = z
  .strictObject({
    /** Unset: the last port used, else 4455, else any free one. Set: exactly this one, or an error. */
    port: sharePortSchema.optional(),
    /** Links point at this board when given, else at the relay's home page. */
    boardId: boardIdSchema.optional(),
  })
  .optional();
export const shareStatusRequestSchema = z.strictObject({ boardId: boardIdSchema.optional() }).optional();

export const shareAddressSchema = z.strictObject({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  interfaceName: z.string(),
  /** A bridge of containers or VMs: listed last, most likely not what guests can reach. */
  virtual: z.boolean(),
  /**
   * `http://ADDR:PORT`: the relay as people on this network reach it. The
   * share dialog makes the links from it and a pass's token (links.ts).
   */
  relayUrl: z.string(),
});
export type ShareAddress = z.infer<typeof shareAddressSchema>;

export const shareStatusSchema = z.discriminatedUnion('sharing', [
  z.strictObject({ sharing: z.literal(false) }),
  z.strictObject({
    sharing: z.literal(true),
    port: z.number().int(),
    addresses: z.array(shareAddressSchema),
    guests: z.number().int().min(0),
    /** Whether the session is announced over mDNS (`_easel._tcp`). */
    advertised: z.boolean(),
    /** Why it could not be announced (the mDNS port taken or refused); sharing works without it. */
    advertiseProblem: z.string().max(500).optional(),
    /** Whether the relay serves the browser client, so the http links open a board. */
    webClient: z.boolean(),
  }),
]);
export type ShareStatus = z.infer<typeof shareStatusSchema>;

// Joining ---------------------------------------------------------------------

export const discoveredSessionSchema = z.strictObject({
  /** The advertiser's instance id (stable while it shares). */
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  protocol: z.number().int(),
  /** False when the host speaks another protocol version: it is listed, but joining will fail. */
  compatible: z.boolean(),
  /** One per address the host announced, IPv4 first. The token is never announced. */
  relayUrls: z.array(z.string()),
  boardId: boardIdSchema.optional(),
});
export type DiscoveredSession = z.infer<typeof discoveredSessionSchema>;

export const recentJoinSchema = z.strictObject({
  relayUrl: relayUrlSchema,
  boardId: boardIdSchema.optional(),
  token: tokenSchema.optional(),
  label: z.string().max(200).optional(),
  lastJoinedAt: z.iso.datetime({ offset: true }),
});
export type RecentJoin = z.infer<typeof recentJoinSchema>;

export const rememberJoinRequestSchema = z.strictObject({
  relayUrl: relayUrlSchema,
  boardId: boardIdSchema.optional(),
  token: tokenSchema.optional(),
  label: z.string().max(200).optional(),
});
export const forgetJoinRequestSchema = z.strictObject({
  relayUrl: relayUrlSchema,
  boardId: boardIdSchema.optional(),
});

export const joinParseRequestSchema = z.strictObject({
  text: z.string().max(MAX_JOIN_INPUT_LENGTH),
  token: z.string().max(MAX_TOKEN_LENGTH).optional(),
});

export const PROBE_PROBLEMS = ['unreachable', 'not-a-relay', 'protocol-mismatch', 'unauthorized'] as const;
export type ProbeProblem = (typeof PROBE_PROBLEMS)[number];
export const probeResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), relayVersion: z.string(), protocol: z.number().int() }),
  z.strictObject({ ok: z.literal(false), problem: z.enum(PROBE_PROBLEMS), message: z.string() }),
]);
export type ProbeResult = z.infer<typeof probeResultSchema>;

// Files -----------------------------------------------------------------------

/**
 * What the open dialog offers, and the largest file of each kind read into memory. An SVG image is
 * rasterised by the renderer before it goes anywhere (renderer/images/browser-images.ts).
 */
export const OPEN_KINDS = {
  board: { label: 'Easel board', extensions: ['easel'], maxBytes: MAX_BOARD_FILE_CHARS },
  image: { label: 'Image', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'], maxBytes: 25 * 1024 * 1024 },
} as const;
export const SAVE_KINDS = {
  board: { label: 'Easel board', extensions: ['easel'] },
  png: { label: 'PNG image', extensions: ['png'] },
  svg: { label: 'SVG image', extensions: ['svg'] },
  pdf: { label: 'PDF document', extensions: ['pdf'] },
} as const;
export type OpenKind = keyof typeof OPEN_KINDS;
export type SaveKind = keyof typeof SAVE_KINDS;
/** Largest file the renderer may hand over to be written. */
export const MAX_WRITE_BYTES = 256 * 1024 * 1024;

/** Bytes as IPC delivers them: a Uint8Array (a Node Buffer is one too). */
const uint8ArraySchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (a Uint8Array)');
const bytesSchema = uint8ArraySchema.refine((bytes) => bytes.byteLength <= MAX_WRITE_BYTES, {
  message: `at most ${MAX_WRITE_BYTES} bytes`,
});
const absolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((text) => !text.includes('\0'), 'a path has no NUL');

export const openFileRequestSchema = z.strictObject({ kind: z.enum(['board', 'image']) });
export const openedFileSchema = z.strictObject({ path: z.string(), name: z.string(), bytes: uint8ArraySchema });
export type OpenedFile = z.infer<typeof openedFileSchema>;
export const openFileResultSchema = z.discriminatedUnion('canceled', [
  z.strictObject({ canceled: z.literal(true) }),
  z.strictObject({ canceled: z.literal(false), file: openedFileSchema }),
]);
export type OpenFileResult = z.infer<typeof openFileResultSchema>;

export const saveFileRequestSchema = z.strictObject({
  kind: z.enum(['board', 'png', 'svg', 'pdf']),
  /** Offered in the dialog; a name, not a path. */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((name) => !/[/\\\0]/.test(name), 'a file name, without folders'),
  bytes: bytesSchema,
});
export const saveFileResultSchema = z.discriminatedUnion('canceled', [
  z.strictObject({ canceled: z.literal(true) }),
  z.strictObject({ canceled: z.literal(false), path: z.string() }),
]);
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

/** Writes again to a file the person picked in a dialog (or opened) during this run; nothing else. */
export const writeFileRequestSchema = z.strictObject({ path: absolutePathSchema, bytes: bytesSchema });
export const writeFileResultSchema = z.strictObject({ path: z.string() });

// Launch requests (file association, easel:// protocol, second instance) -----

export const launchOpenSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), file: openedFileSchema }),
  z.strictObject({ kind: z.literal('join'), target: joinTargetSchema }),
  /** Something was handed to the app that it cannot open; `message` says why. */
  z.strictObject({ kind: z.literal('invalid'), input: z.string(), message: z.string() }),
]);
export type LaunchOpen = z.infer<typeof launchOpenSchema>;

// Results ---------------------------------------------------------------------

export const DESKTOP_ERROR_CODES = [
  'BAD_REQUEST',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'TOO_LARGE',
  'PORT_IN_USE',
  'UNAVAILABLE',
  'IO_ERROR',
  'INTERNAL',
] as const;
export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];
export const desktopErrorSchema = z.strictObject({ code: z.enum(DESKTOP_ERROR_CODES), message: z.string() });
export type DesktopError = z.infer<typeof desktopErrorSchema>;

/** Every invoke resolves to one of these; it never rejects for a refused or failed request. */
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

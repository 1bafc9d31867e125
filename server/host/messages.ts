/**
 * What the desktop main process and its relay child (child-entry.ts) say to
 * each other. The config travels as a message, not as arguments, so the
 * tokens never show up in a process list.
 */
import { z } from 'zod';
import { MAX_TOKEN_LENGTH } from '../../shared/protocol';

export const RELAY_CHILD_LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

const tokenSchema = z.string().min(1).max(MAX_TOKEN_LENGTH);

export const relayChildConfigSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  /** The desktop app's own windows present this one. Guests come in with passes (server/access/). */
  hostToken: tokenSchema,
  /** Not shared: revoke every pass at start, so links made while sharing end with it. */
  revokePassesAtStart: z.boolean(),
  allowedOrigins: z.array(z.string()),
  /** The built browser client, served to guests while sharing. */
  webRoot: z.string().optional(),
  logLevel: z.enum(RELAY_CHILD_LOG_LEVELS),
});
export type RelayChildConfig = z.infer<typeof relayChildConfigSchema>;

export const parentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), config: relayChildConfigSchema }),
  /** Flush every board, close, exit 0. */
  z.strictObject({ type: z.literal('stop') }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

export const childMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), url: z.string(), host: z.string(), port: z.number().int() }),
  /** The relay could not start; `code` is the errno code when there is one (EADDRINUSE, EACCES). */
  z.strictObject({ type: z.literal('failed'), code: z.string().optional(), message: z.string() }),
  z.strictObject({ type: z.literal('guests'), count: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('stopped') }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;

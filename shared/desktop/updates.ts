/**
 * What the desktop app says about its own updates (electron/main/updates):
 * the phase of the update policy, pushed to every window and answered on
 * request, and the count of unacknowledged changes a window reports so that
 * a restart to update waits for them.
 */
import { z } from 'zod';

/** The update policy's phases, in the order an update goes through them. */
export const UPDATE_PHASES = [
  'idle',
  'checking',
  'available',
  'not-available',
  'error',
  'downloading',
  'downloaded',
  'waiting-for-save',
  'installing',
] as const;
export type UpdatePhase = (typeof UPDATE_PHASES)[number];

/** A window with more unacknowledged changes than this reports this many: still "not saved". */
export const MAX_REPORTED_PENDING = 1_000_000;
export const MAX_VERSION_LENGTH = 64;

export const updateStatusSchema = z.strictObject({
  phase: z.enum(UPDATE_PHASES),
  /** The version found or downloaded; null until one is. */
  version: z.string().max(MAX_VERSION_LENGTH).nullable(),
  /** Whole percent downloaded while downloading, else null. */
  percent: z.number().int().min(0).max(100).nullable(),
  /** Changes in the app's windows the relay has not acknowledged: a restart waits for them. */
  pending: z.number().int().min(0),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

/** This window's board has this many changes its relay has not acknowledged (0: none, or no board open). */
export const reportPendingRequestSchema = z.strictObject({
  pending: z.number().int().min(0).max(MAX_REPORTED_PENDING),
});
export type ReportPendingRequest = z.infer<typeof reportPendingRequestSchema>;

/**
 * One table: for each invoke channel, the schema of its request and of its
 * response. The main process validates requests (and its own responses) with
 * it; `EaselDesktopApi` (api.ts) is typed from it.
 */
import { z } from 'zod';
import type { InvokeChannelKey } from './channels';
import { menuTemplateSchema } from './menu';
import {
  discoveredSessionSchema,
  forgetJoinRequestSchema,
  joinParseRequestSchema,
  joinTargetSchema,
  launchOpenSchema,
  openFileRequestSchema,
  openFileResultSchema,
  probeResultSchema,
  recentJoinSchema,
  relayInfoSchema,
  rememberJoinRequestSchema,
  saveFileRequestSchema,
  saveFileResultSchema,
  shareStartRequestSchema,
  shareStatusRequestSchema,
  shareStatusSchema,
  writeFileRequestSchema,
  writeFileResultSchema,
} from './schemas';
import { reportPendingRequestSchema, updateStatusSchema } from './updates';

const none = z.undefined();

export const INVOKE_CONTRACT = {
  relayInfo: { request: none, response: relayInfoSchema },
  relayFollow: { request: none, response: none },
  shareStart: { request: shareStartRequestSchema, response: shareStatusSchema },
  shareStop: { request: none, response: shareStatusSchema },
  shareStatus: { request: shareStatusRequestSchema, response: shareStatusSchema },
  joinDiscovered: { request: none, response: z.array(discoveredSessionSchema) },
  joinRecent: { request: none, response: z.array(recentJoinSchema) },
  joinRemember: { request: rememberJoinRequestSchema, response: z.array(recentJoinSchema) },
  joinForget: { request: forgetJoinRequestSchema, response: z.array(recentJoinSchema) },
  joinParse: { request: joinParseRequestSchema, response: joinTargetSchema },
  joinProbe: { request: joinTargetSchema, response: probeResultSchema },
  fileOpen: { request: openFileRequestSchema, response: openFileResultSchema },
  fileSave: { request: saveFileRequestSchema, response: saveFileResultSchema },
  fileWrite: { request: writeFileRequestSchema, response: writeFileResultSchema },
  menuSet: { request: menuTemplateSchema, response: none },
  launchTake: { request: none, response: z.array(launchOpenSchema) },
  updateStatus: { request: none, response: updateStatusSchema },
  updateRestart: { request: none, response: updateStatusSchema },
  updatePending: { request: reportPendingRequestSchema, response: none },
} as const satisfies Record<InvokeChannelKey, { request: z.ZodType; response: z.ZodType }>;

export type InvokeContract = typeof INVOKE_CONTRACT;
/** What a renderer may send on a channel (before validation it is `unknown`). */
export type InvokeRequest<K extends InvokeChannelKey> = z.input<InvokeContract[K]['request']>;
/** What the handler receives once the request parsed. */
export type InvokeInput<K extends InvokeChannelKey> = z.output<InvokeContract[K]['request']>;
export type InvokeResponse<K extends InvokeChannelKey> = z.output<InvokeContract[K]['response']>;

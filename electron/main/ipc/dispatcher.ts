import type { z } from 'zod';
import {
  type DesktopResult,
  INVOKE_CHANNELS,
  INVOKE_CONTRACT,
  type InvokeChannelKey,
  type InvokeInput,
  type InvokeResponse,
} from '../../../shared/desktop';
import { DesktopFailure } from './desktop-failure';
import { type IpcSender, type SenderPolicy, senderProblem } from './sender';

export interface HandlerContext {
  sender: IpcSender;
}

export type IpcHandlers = {
  [K in InvokeChannelKey]: (
    input: InvokeInput<K>,
    context: HandlerContext,
  ) => InvokeResponse<K> | Promise<InvokeResponse<K>>;
};

export interface IpcLog {
  warn(event: string, details: Record<string, unknown>): void;
  error(event: string, details: Record<string, unknown>): void;
}

const KEY_BY_CHANNEL = new Map<string, InvokeChannelKey>(
  Object.entries(INVOKE_CHANNELS).map(([key, channel]) => [channel, key as InvokeChannelKey]),
);

/**
 * Every `ipcMain.handle` goes through here (docs/ARCHITECTURE.md#ipc): the sender must be
 * the top frame of one of our windows at our own origin, the payload must
 * parse with the channel's schema, and what goes back is a DesktopResult,
 * never a thrown error. Responses are checked too: a handler that breaks the
 * contract is a bug, reported as INTERNAL rather than passed on.
 */
export function createDispatcher(handlers: IpcHandlers, policy: SenderPolicy, log: IpcLog) {
  return {
    channels: [...KEY_BY_CHANNEL.keys()],

    async dispatch(channel: string, sender: IpcSender, payload: unknown): Promise<DesktopResult<unknown>> {
      const key = KEY_BY_CHANNEL.get(channel);
      if (key === undefined) return refuse('UNKNOWN_CHANNEL', `No such desktop call: ${channel.slice(0, 100)}`);
      const problem = senderProblem(sender, policy);
      if (problem !== null) {
        log.warn('ipc-refused-sender', { channel, problem, webContentsId: sender.webContentsId });
        return refuse('FORBIDDEN', 'This page may not use the desktop API.');
      }
      const contract: { request: z.ZodType; response: z.ZodType } = INVOKE_CONTRACT[key];
      const request = contract.request.safeParse(payload);
      if (!request.success) {
        log.warn('ipc-bad-request', { channel, issues: request.error.issues.length });
        return refuse('BAD_REQUEST', describeIssues(request.error));
      }
      let value: unknown;
      try {
        const handler = handlers[key] as (input: unknown, context: HandlerContext) => unknown;
        value = await handler(request.data, { sender });
      } catch (error) {
        if (error instanceof DesktopFailure) return refuse(error.code, error.message);
        log.error('ipc-handler-failed', { channel, error: error instanceof Error ? error.stack : String(error) });
        return refuse('INTERNAL', 'Something went wrong in the desktop app; the details are in its log.');
      }
      const response = contract.response.safeParse(value);
      if (!response.success) {
        log.error('ipc-bad-response', { channel, issues: describeIssues(response.error) });
        return refuse('INTERNAL', 'The desktop app gave a malformed answer; the details are in its log.');
      }
      return { ok: true, value: response.data };
    },
  };
}

const refuse = (code: DesktopFailure['code'], message: string): DesktopResult<never> => ({
  ok: false,
  error: { code, message },
});

function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return `Invalid request: ${text}`.slice(0, 500);
}

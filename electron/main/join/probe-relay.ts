import { io } from 'socket.io-client';
import { z } from 'zod';
import type { JoinTargetPayload, ProbeResult } from '../../../shared/desktop';
import { CONNECT_ERRORS, PROTOCOL_VERSION } from '../../../shared/protocol';

const healthSchema = z.object({ ok: z.literal(true), version: z.string().max(64), protocol: z.number().int() });
/** A relay's /healthz is a few hundred bytes; whatever answers may be anything, so no more than this is read. */
export const MAX_HEALTH_BYTES = 64 * 1024;

/**
 * Asks a relay, before the renderer connects to it, whether joining can work:
 * it answers at all (GET /healthz), it is an Easel relay, it speaks our
 * protocol version, and it takes the token (a real Socket.IO handshake). Each
 * failure comes back as a problem with a sentence a person can act on.
 */
export async function probeRelay(
  target: JoinTargetPayload,
  options: { timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const where = target.relayUrl;
  let response: Response;
  try {
    response = await fetch(`${where}/healthz`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    return problem('unreachable', `Could not reach ${where}: ${networkReason(error, timeoutMs)}.`);
  }
  let body: unknown;
  try {
    body = await readJsonLimited(response, MAX_HEALTH_BYTES);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return problem('unreachable', `${where} did not finish answering within ${timeoutMs / 1000} s.`);
    }
    body = null;
  }
  const health = healthSchema.safeParse(body);
  if (!response.ok || !health.success) {
    return problem('not-a-relay', `${where} answers, but it is not an Easel relay.`);
  }
  if (health.data.protocol !== PROTOCOL_VERSION) return mismatch(where, health.data.protocol);
  const refusal = await handshake(target, timeoutMs);
  if (refusal === null) return { ok: true, relayVersion: health.data.version, protocol: health.data.protocol };
  if (refusal === CONNECT_ERRORS.unauthorized) {
    return problem(
      'unauthorized',
      target.token === undefined
        ? `${where} needs a token: paste the whole join link, or type the token.`
        : `${where} refused the token. Ask the host for a new link: the token changes each time sharing starts.`,
    );
  }
  if (refusal === CONNECT_ERRORS.protocolMismatch) return mismatch(where, undefined);
  return problem('unreachable', `${where} did not accept a connection (${refusal}).`);
}

/** The handshake's refusal message, or null when it connected. */
function handshake(target: JoinTargetPayload, timeoutMs: number): Promise<string | null> {
  const socket = io(target.relayUrl, {
    // As the board's SyncClient connects: WebSocket, or long-polling where a proxy refuses the upgrade.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
    auth: { v: PROTOCOL_VERSION, ...(target.token !== undefined && { token: target.token }) },
  });
  return new Promise<string | null>((resolve) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.close());
}

function mismatch(where: string, theirs: number | undefined): ProbeResult {
  const version = theirs === undefined ? 'another protocol version' : `protocol v${theirs}`;
  return problem(
    'protocol-mismatch',
    `${where} speaks ${version}; this app speaks v${PROTOCOL_VERSION}. Update whichever is older.`,
  );
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string } }).cause;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'nothing is listening there (is the host still sharing?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'that host name is unknown';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'that address cannot be reached from this network';
    default:
      return cause?.code ?? (error instanceof Error ? error.message : String(error));
  }
}

const problem = (kind: Extract<ProbeResult, { ok: false }>['problem'], message: string): ProbeResult => ({
  ok: false,
  problem: kind,
  message,
});

/**
 * The body as JSON, read no further than `limit` bytes (a larger one is cut off
 * and refused, never buffered whole); the fetch's own signal times the read.
 */
async function readJsonLimited(response: Response, limit: number): Promise<unknown> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    throw new Error(`the answer is over ${limit} bytes`);
  }
  const reader = response.body?.getReader();
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the answer is over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

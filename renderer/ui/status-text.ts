/**
 * What the save indicator says, from the sync state alone (issue: "it must
 * never say saved while a change is unacknowledged"). "Saved" means every
 * local change has been acknowledged by the relay as stored; anything not yet
 * acknowledged is counted.
 */
import type { Role, WireError } from '../../shared/protocol';
import type { BoardStatus, ConnectionStatus } from '../sync';

/** How long "Reconnected" shows after the board is back in sync, ms. */
export const RECONNECTED_NOTICE_MS = 3_000;

export interface StatusInput {
  board: BoardStatus;
  /** Local changes the relay has not acknowledged yet. */
  pending: number;
  connection: ConnectionStatus;
  /** Whether this board has been in sync with the relay at least once in this session. */
  wasSynced: boolean;
  /** When the board last came back in sync after being offline (ms), if it has. */
  reconnectedAt: number | null;
  /** A viewer has nothing to save: the status never speaks of unsaved changes for one. */
  role?: Role | null;
  /** The relay will not open this board for us, in its words (FORBIDDEN). */
  refusal?: string | null;
  /** The relay refused to store a change that is still waiting (TOO_LARGE, INVALID_UPDATE, FORBIDDEN). */
  rejection?: WireError | null;
  now: number;
}

export type StatusTone = 'saved' | 'busy' | 'offline' | 'error';

export interface StatusText {
  tone: StatusTone;
  label: string;
  /** A second line: when the next retry is, or what is kept where. */
  detail: string | null;
  /** Offer "Retry now". */
  canRetry: boolean;
}

/** The relay's refusal codes in words (shared/protocol CONNECT_ERRORS). */
const REFUSALS: Record<string, string> = {
  UNAUTHORIZED: 'The relay wants an access token, and this link has none or a wrong one',
  PROTOCOL_MISMATCH: 'The relay runs a different version of Easel',
  BAD_REQUEST: 'The relay did not accept this client',
};

/** Shown beside the status while the connection runs over HTTP long-polling (WebSocket is blocked on the way). */
export const FALLBACK_DETAIL = 'Connected (fallback)';

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/** Why a change was not stored, by the relay's code; its own message follows in brackets. */
const REJECTIONS: Record<string, string> = {
  TOO_LARGE: 'The board is at the relay’s size limit, so it stores no more additions. Deleting shapes still works',
  INVALID_UPDATE: 'The relay refused the change as invalid',
  FORBIDDEN: 'The relay does not let you edit this board',
};

function describeRejection(rejection: WireError, pending: number): StatusText {
  const reason = REJECTIONS[rejection.code] ?? 'The relay refused the change';
  return {
    tone: 'error',
    label: `Not saved — ${changes(pending)}`,
    detail: `${reason} (${rejection.message}). Your changes stay on this device.`,
    canRetry: false,
  };
}

export function describeStatus(input: StatusInput): StatusText {
  const { board, connection, now } = input;
  const viewer = input.role === 'viewer';
  const pending = viewer ? 0 : input.pending;
  if (connection.accessEnded !== null) {
    return { tone: 'error', label: 'No access', detail: `${connection.accessEnded}.`, canRetry: false };
  }
  if (input.refusal) {
    const detail = `${input.refusal.charAt(0).toUpperCase()}${input.refusal.slice(1)}.`;
    return { tone: 'error', label: 'Not opened', detail, canRetry: false };
  }
  if (connection.refused) {
    return {
      tone: 'error',
      label: 'Not connected',
      detail: `${REFUSALS[connection.lastError ?? ''] ?? connection.lastError ?? 'The relay refused the connection'}. Your changes stay on this device.`,
      canRetry: true,
    };
  }
  if (input.rejection && pending > 0 && board === 'synced') return describeRejection(input.rejection, pending);
  if (board === 'offline' || connection.state === 'offline') {
    const retryIn =
      connection.nextRetryAt === null ? null : Math.max(0, Math.ceil((connection.nextRetryAt - now) / 1000));
    return {
      tone: 'offline',
      label: pending > 0 ? `Offline — ${changes(pending)} will sync` : 'Offline',
      detail: retryIn === null ? 'Trying to reconnect…' : `Retrying in ${retryIn} s`,
      canRetry: true,
    };
  }
  if (board === 'connecting' || connection.state === 'connecting') {
    const label = input.wasSynced ? 'Reconnecting…' : 'Connecting…';
    return { tone: 'busy', label, detail: pending > 0 ? `${changes(pending)} will sync` : null, canRetry: false };
  }
  const detail = connection.transport === 'polling' ? FALLBACK_DETAIL : null;
  if (pending > 0) return { tone: 'busy', label: `Saving… (${pending})`, detail, canRetry: false };
  if (board === 'syncing') return { tone: 'busy', label: 'Syncing…', detail, canRetry: false };
  if (input.reconnectedAt !== null && now - input.reconnectedAt < RECONNECTED_NOTICE_MS) {
    return { tone: 'saved', label: 'Reconnected', detail, canRetry: false };
  }
  return { tone: 'saved', label: viewer ? 'Up to date' : 'Saved', detail, canRetry: false };
}

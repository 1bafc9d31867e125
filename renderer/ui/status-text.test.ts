import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../sync';
import { describeStatus, FALLBACK_DETAIL, RECONNECTED_NOTICE_MS, type StatusInput } from './status-text';

const connected: ConnectionStatus = {
  state: 'connected',
  nextRetryAt: null,
  lastError: null,
  refused: false,
  accessEnded: null,
};
const base: StatusInput = {
  board: 'synced',
  pending: 0,
  connection: connected,
  wasSynced: true,
  reconnectedAt: null,
  now: 100_000,
};

describe('describeStatus', () => {
  it('says a change the relay refused to store is not saved, why, and that it stays on this device', () => {
    const rejection = { code: 'TOO_LARGE', message: 'board full is at its limit of 64 KiB' } as const;
    expect(describeStatus({ ...base, pending: 2, rejection })).toEqual({
      tone: 'error',
      label: 'Not saved — 2 changes',
      detail:
        'The board is at the relay’s size limit, so it stores no more additions. Deleting shapes still works (board full is at its limit of 64 KiB). Your changes stay on this device.',
      canRetry: false,
    });
    // Nothing waiting, or not connected: the reason is not what the person needs to know now.
    expect(describeStatus({ ...base, pending: 0, rejection })).toMatchObject({ label: 'Saved' });
    const offline = { ...base, board: 'offline' as const, connection: { ...connected, state: 'offline' as const } };
    expect(describeStatus({ ...offline, pending: 2, rejection })).toMatchObject({ tone: 'offline' });
  });

  it('never speaks of unsaved changes to a viewer, and says so when access ended, with no retry', () => {
    expect(describeStatus({ ...base, role: 'viewer', pending: 3 })).toMatchObject({
      tone: 'saved',
      label: 'Up to date',
    });
    expect(
      describeStatus({
        ...base,
        role: 'viewer',
        pending: 3,
        board: 'offline',
        connection: { ...connected, state: 'offline' },
      }),
    ).toMatchObject({ label: 'Offline' });
    expect(describeStatus({ ...base, role: 'editor', pending: 3 })).toMatchObject({ label: 'Saving… (3)' });
    expect(describeStatus({ ...base, board: 'offline', refusal: 'this link opens board a only' })).toEqual({
      tone: 'error',
      label: 'Not opened',
      detail: 'This link opens board a only.',
      canRetry: false,
    });
    const removed = 'Your access to this board was removed';
    expect(
      describeStatus({ ...base, connection: { ...connected, state: 'offline', refused: true, accessEnded: removed } }),
    ).toEqual({ tone: 'error', label: 'No access', detail: `${removed}.`, canRetry: false });
  });

  it('says Saved only when in sync with nothing unacknowledged', () => {
    expect(describeStatus(base)).toMatchObject({ tone: 'saved', label: 'Saved' });
    expect(describeStatus({ ...base, pending: 2 })).toMatchObject({ tone: 'busy', label: 'Saving… (2)' });
  });

  it('says it is connected over the fallback while on long-polling, and nothing of it on WebSocket', () => {
    const polling = { ...base, connection: { ...connected, transport: 'polling' as const } };
    expect(describeStatus(polling)).toMatchObject({ label: 'Saved', detail: FALLBACK_DETAIL });
    expect(describeStatus({ ...polling, pending: 1 })).toMatchObject({ label: 'Saving… (1)', detail: FALLBACK_DETAIL });
    expect(FALLBACK_DETAIL).toBe('Connected (fallback)');
    const websocket = { ...base, connection: { ...connected, transport: 'websocket' as const } };
    expect(describeStatus(websocket)).toMatchObject({ label: 'Saved', detail: null });
  });

  it('never says saved while any change is unacknowledged, in any state', () => {
    const boards = ['connecting', 'syncing', 'synced', 'offline'] as const;
    const connections: ConnectionStatus[] = [
      connected,
      { ...connected, state: 'connecting' },
      { ...connected, state: 'offline', nextRetryAt: 101_000 },
      { ...connected, state: 'offline', refused: true, lastError: 'UNAUTHORIZED' },
    ];
    for (const board of boards) {
      for (const connection of connections) {
        for (const reconnectedAt of [null, base.now]) {
          const text = describeStatus({ ...base, board, connection, pending: 1, reconnectedAt });
          expect(text.tone).not.toBe('saved');
          expect(text.label).not.toMatch(/saved|reconnected/i);
        }
      }
    }
  });

  it('counts what will sync while offline, with the next retry and a retry button', () => {
    const offline = { ...connected, state: 'offline' as const, nextRetryAt: base.now + 4_200 };
    expect(describeStatus({ ...base, board: 'offline', connection: offline, pending: 3 })).toEqual({
      tone: 'offline',
      label: 'Offline — 3 changes will sync',
      detail: 'Retrying in 5 s',
      canRetry: true,
    });
    expect(describeStatus({ ...base, board: 'offline', connection: offline, pending: 1 }).label).toBe(
      'Offline — 1 change will sync',
    );
  });

  it('tells connecting for the first time from reconnecting', () => {
    const connecting = { ...connected, state: 'connecting' as const };
    expect(describeStatus({ ...base, board: 'connecting', connection: connecting, wasSynced: false }).label).toBe(
      'Connecting…',
    );
    expect(describeStatus({ ...base, board: 'connecting', connection: connecting }).label).toBe('Reconnecting…');
  });

  it('says Reconnected for a moment after coming back, then Saved', () => {
    const back = { ...base, reconnectedAt: base.now - 1_000 };
    expect(describeStatus(back).label).toBe('Reconnected');
    expect(describeStatus({ ...back, now: back.reconnectedAt + RECONNECTED_NOTICE_MS }).label).toBe('Saved');
  });

  it('explains a refused connection and keeps the changes local', () => {
    const refused = { ...connected, state: 'offline' as const, refused: true, lastError: 'UNAUTHORIZED' };
    const text = describeStatus({ ...base, board: 'offline', connection: refused, pending: 2 });
    expect(text).toMatchObject({ tone: 'error', label: 'Not connected', canRetry: true });
    expect(text.detail).toContain('access token');
    expect(text.detail).toContain('stay on this device');
    const other = describeStatus({ ...base, board: 'offline', connection: { ...refused, lastError: 'Odd failure' } });
    expect(other.detail).toContain('Odd failure');
  });
});

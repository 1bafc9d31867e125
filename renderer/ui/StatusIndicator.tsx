/**
 * The save indicator in the board's header (status-text.ts decides the
 * words). A live region, so a screen reader hears "Offline" and "Saved".
 */
import { useEffect, useState } from 'react';
import { describeStatus, RECONNECTED_NOTICE_MS, type StatusInput } from './status-text';

const COLORS = { saved: '#2f9e44', busy: '#e8590c', offline: '#868e96', error: '#e03131' } as const;

export function StatusIndicator({ input, onRetry }: { input: Omit<StatusInput, 'now'>; onRetry: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  // A clock only while something on screen depends on it: the retry countdown, or "Reconnected" fading.
  const ticking = input.connection.nextRetryAt !== null || input.reconnectedAt !== null;
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    const settle = input.reconnectedAt === null ? null : setTimeout(() => setNow(Date.now()), RECONNECTED_NOTICE_MS);
    return () => {
      clearInterval(timer);
      if (settle) clearTimeout(settle);
    };
  }, [ticking, input.reconnectedAt]);
  const text = describeStatus({ ...input, now });
  return (
    <span style={{ marginLeft: 'auto', display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span aria-hidden="true" style={{ width: 8, height: 8, borderRadius: 4, background: COLORS[text.tone] }} />
      <span role="status" aria-live="polite" data-tone={text.tone}>
        <span data-testid="save-status">{text.label}</span>
        {text.detail && (
          <span data-testid="save-status-detail" style={{ color: '#666', marginLeft: 8, fontSize: 12 }}>
            {text.detail}
          </span>
        )}
      </span>
      {text.canRetry && (
        <button type="button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </span>
  );
}

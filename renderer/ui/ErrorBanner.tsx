/**
 * The board's notice (state/notices.ts) as a banner: announced to screen
 * readers as an alert, kept until the user dismisses it or a newer one
 * replaces it.
 */
import { useStore } from 'zustand';
import type { NoticeStore } from '../state/notices';

const COLOURS = {
  error: { background: '#fdecea', border: '#e03131' },
  warning: { background: '#fff6e0', border: '#f08c00' },
} as const;

export function ErrorBanner({ notices }: { notices: NoticeStore }) {
  const notice = useStore(notices, (s) => s.notice);
  const dismiss = useStore(notices, (s) => s.dismiss);
  if (!notice) return null;
  const colours = COLOURS[notice.kind];
  return (
    <div
      role="alert"
      className="easel-bar"
      style={{ background: colours.background, borderBottom: `2px solid ${colours.border}`, gap: 12 }}
    >
      <span style={{ flex: 1, overflowWrap: 'anywhere' }}>{notice.message}</span>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { EaselDesktopApi, JoinTargetPayload, RecentJoin } from '../../../shared/desktop';
import { recentKey, recentLabel } from './join-model';

/** Sessions joined before, newest first (as the main process keeps them), each to join again or forget. */
export function RecentJoins({ api, onJoin }: { api: EaselDesktopApi; onJoin: (target: JoinTargetPayload) => void }) {
  const [recent, setRecent] = useState<RecentJoin[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.join.recent().then((result) => {
      if (!live) return;
      if (result.ok) setRecent(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const forget = async (entry: RecentJoin) => {
    const result = await api.join.forget({
      relayUrl: entry.relayUrl,
      ...(entry.boardId !== undefined && { boardId: entry.boardId }),
    });
    if (result.ok) {
      setRecent(result.value);
      setError(null);
    } else setError(result.error.message);
  };

  if (recent === null && !error) return null;
  return (
    <section aria-labelledby="join-recent-heading" data-testid="join-recent">
      <h2 id="join-recent-heading">Joined lately</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {recent?.length === 0 && <p className="note">Sessions you join appear here.</p>}
      {recent && recent.length > 0 && (
        <ul>
          {recent.map((entry) => {
            const label = recentLabel(entry);
            return (
              <li key={recentKey(entry)} data-testid="join-recent-entry">
                <span>{label}</span>
                <time className="note" dateTime={entry.lastJoinedAt}>
                  {new Date(entry.lastJoinedAt).toLocaleString()}
                </time>
                <button
                  type="button"
                  aria-label={`Join ${label}`}
                  onClick={() =>
                    onJoin({
                      relayUrl: entry.relayUrl,
                      ...(entry.boardId !== undefined && { boardId: entry.boardId }),
                      ...(entry.token !== undefined && { token: entry.token }),
                    })
                  }
                >
                  Join
                </button>
                <button type="button" aria-label={`Forget ${label}`} onClick={() => void forget(entry)}>
                  Forget
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

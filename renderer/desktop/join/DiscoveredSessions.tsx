import { useEffect, useState } from 'react';
import type { DiscoveredSession, EaselDesktopApi, JoinTargetPayload } from '../../../shared/desktop';
import { discoveredTarget, orderDiscovered, targetLabel } from './join-model';

/** Sessions announced on the LAN, live. One that speaks another protocol is listed, marked and not joinable. */
export function DiscoveredSessions({
  api,
  onPick,
}: {
  api: EaselDesktopApi;
  /** A session was chosen: it has no token, so the screen asks for one. */
  onPick: (target: JoinTargetPayload, name: string) => void;
}) {
  const [sessions, setSessions] = useState<DiscoveredSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const unsubscribe = api.join.onDiscoveredChange((next) => setSessions(orderDiscovered(next)));
    void api.join.discovered().then((result) => {
      if (!live) return;
      if (result.ok) setSessions((current) => current ?? orderDiscovered(result.value));
      else setError(result.error.message);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);

  return (
    <section aria-labelledby="join-discovered-heading" data-testid="join-discovered">
      <h2 id="join-discovered-heading">On this network</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sessions === null && !error && <p className="note">Looking…</p>}
      {sessions?.length === 0 && <p className="note">No one is sharing on this network right now.</p>}
      {sessions && sessions.length > 0 && (
        <ul>
          {sessions.map((session) => {
            const target = discoveredTarget(session);
            return (
              <li key={session.id} data-testid="join-discovered-session">
                <strong>{session.name}</strong>
                {target && <span className="note">{targetLabel(target)}</span>}
                {!session.compatible && <span className="mark">needs another Easel version</span>}
                <button
                  type="button"
                  disabled={!session.compatible || target === null}
                  aria-label={`Join ${session.name}`}
                  onClick={() => target && onPick(target, session.name)}
                >
                  Join
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

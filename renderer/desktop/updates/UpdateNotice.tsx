import { useEffect, useState } from 'react';
import type { EaselDesktopApi } from '../../../shared/desktop/api';
import type { UpdateStatus } from '../../../shared/desktop/updates';
import { desktopApi } from '../desktop-api';
import { updateNotice } from './update-notice';

/** The app's update, as the main process last said, or null before it has (and in a browser tab). */
function useUpdateStatus(api: EaselDesktopApi | null): [UpdateStatus | null, (status: UpdateStatus) => void] {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    if (!api) return;
    let heard = false;
    const unsubscribe = api.updates.onChange((next) => {
      heard = true;
      setStatus(next);
    });
    void api.updates.status().then((result) => {
      if (result.ok && !heard) setStatus(result.value);
    });
    return unsubscribe;
  }, [api]);
  return [status, setStatus];
}

/** A bar along the bottom once an update is downloaded: "Restart to update", and what the restart waits for. */
export function UpdateNotice() {
  const [api] = useState(desktopApi);
  const [status, setStatus] = useUpdateStatus(api);
  const [problem, setProblem] = useState<string | null>(null);
  const view = updateNotice(status);
  if (!api || !view) return null;
  const restart = async () => {
    setProblem(null);
    const result = await api.updates.restart();
    if (result.ok) setStatus(result.value);
    else setProblem(result.error.message);
  };
  return (
    <div
      role="status"
      data-testid="update-notice"
      style={{
        display: 'flex',
        gap: 12,
        alignItems: 'center',
        padding: '6px 8px',
        background: '#eef3fb',
        borderTop: '2px solid #2f80ed',
        font: '13px system-ui, sans-serif',
      }}
    >
      <span style={{ flex: 1 }}>{view.message}</span>
      {problem && <span style={{ color: '#b00020' }}>{problem}</span>}
      {view.canRestart && (
        <button type="button" onClick={() => void restart()}>
          Restart to update
        </button>
      )}
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesktopError, EaselDesktopApi, ShareStatus } from '../../../shared/desktop';
import { stoppedText } from './share-model';

export interface ShareState {
  /** null until the first answer from the main process. */
  status: ShareStatus | null;
  /** The last refused or failed call, in the main process's words. */
  error: DesktopError | null;
  /** The port a PORT_IN_USE error was about, so the dialog can offer another. */
  portInUse: number | null;
  /** Set after "Stop sharing": who was disconnected, and that work goes on. */
  stoppedNote: string | null;
  busy: boolean;
  start(port: number | undefined): Promise<void>;
  stop(): Promise<void>;
}

/**
 * This board's sharing status, live: asked once (share.status with the board,
 * so links point at it), then refreshed whenever the main process reports a
 * change. Pushes carry links to the relay's home page, so a push while
 * sharing asks again for this board's links rather than showing those.
 */
export function useShare(api: EaselDesktopApi, boardId: string): ShareState {
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [error, setError] = useState<DesktopError | null>(null);
  const [portInUse, setPortInUse] = useState<number | null>(null);
  const [stoppedNote, setStoppedNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guestsBefore = useRef(0);
  if (status?.sharing) guestsBefore.current = status.guests;

  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const result = await api.share.status({ boardId });
      if (!live) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error);
    };
    const unsubscribe = api.share.onChange((next) => {
      if (!next.sharing) setStatus(next);
      else void refresh();
    });
    void refresh();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, boardId]);

  const start = useCallback(
    async (port: number | undefined) => {
      setBusy(true);
      setStoppedNote(null);
      const result = await api.share.start({ boardId, ...(port !== undefined && { port }) });
      setBusy(false);
      if (result.ok) {
        setStatus(result.value);
        setError(null);
        setPortInUse(null);
        return;
      }
      setError(result.error);
      setPortInUse(result.error.code === 'PORT_IN_USE' && port !== undefined ? port : null);
    },
    [api, boardId],
  );

  const stop = useCallback(async () => {
    setBusy(true);
    const guests = guestsBefore.current;
    const result = await api.share.stop();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStatus(result.value);
    setError(null);
    setStoppedNote(stoppedText(guests));
  }, [api]);

  return { status, error, portInUse, stoppedNote, busy, start, stop };
}

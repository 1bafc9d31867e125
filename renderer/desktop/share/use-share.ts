import { useCallback, useEffect, useRef, useState } from 'react';
import type { DesktopError, EaselDesktopApi, ShareStatus } from '../../../shared/desktop';
import { type DialogMemory, type PendingShareAction, settlePending } from './dialog-memory';
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
  /** A start or stop under way (kept across a reload by the dialog memory). */
  pending: PendingShareAction;
  busy: boolean;
  /** The host's operating system, for what it will ask when sharing starts. */
  os: EaselDesktopApi['os'];
  start(port: number | undefined): Promise<void>;
  stop(): Promise<void>;
}

/**
 * This board's sharing status, live: asked once (share.status with the board,
 * so links point at it), then refreshed whenever the main process reports a
 * change. Pushes carry links to the relay's home page, so a push while
 * sharing asks again for this board's links rather than showing those.
 * `remembered` is what the dialog showed before the page was loaded again.
 */
export function useShare(api: EaselDesktopApi, boardId: string, remembered: DialogMemory | null): ShareState {
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [error, setError] = useState<DesktopError | null>(remembered?.error ?? null);
  const [portInUse, setPortInUse] = useState<number | null>(remembered?.portInUse ?? null);
  const [stoppedNote, setStoppedNote] = useState<string | null>(remembered?.stoppedNote ?? null);
  const [pending, setPending] = useState<PendingShareAction>(remembered?.pending ?? null);
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

  // A start or stop cut off by a reload is settled by the first status after it.
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || status === null || busy) return;
    settled.current = true;
    const outcome = settlePending(pending, status.sharing);
    setPending(null);
    if (outcome === null) return;
    if ('stoppedNote' in outcome) setStoppedNote(outcome.stoppedNote);
    else {
      setError(outcome.error);
      setPortInUse(outcome.portInUse);
    }
  }, [status, pending, busy]);

  const start = useCallback(
    async (port: number | undefined) => {
      setBusy(true);
      setStoppedNote(null);
      setPending({ kind: 'start', port: port ?? null });
      const result = await api.share.start({ boardId, ...(port !== undefined && { port }) });
      setBusy(false);
      setPending(null);
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
    const note = stoppedText(guestsBefore.current);
    setPending({ kind: 'stop', note });
    const result = await api.share.stop();
    setBusy(false);
    setPending(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setStatus(result.value);
    setError(null);
    setStoppedNote(note);
  }, [api]);

  return { status, error, portInUse, stoppedNote, pending, busy, os: api.os, start, stop };
}

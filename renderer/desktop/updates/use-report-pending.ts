import { useEffect, useLayoutEffect } from 'react';
import { MAX_REPORTED_PENDING } from '../../../shared/desktop/updates';
import { desktopApi } from '../desktop-api';

/**
 * In the desktop app, tells the main process how many of this board's
 * changes the relay has not acknowledged yet, on every change of the count
 * and 0 when the board closes: a restart to update waits until no window
 * has any.
 */
export function useReportPending(pending: number): void {
  // Before paint: the main process hears of a new change before the person can see it, let alone click Restart.
  useLayoutEffect(() => {
    void desktopApi()?.updates.reportPending({ pending: Math.min(pending, MAX_REPORTED_PENDING) });
  }, [pending]);
  useEffect(() => () => void desktopApi()?.updates.reportPending({ pending: 0 }), []);
}

import { useEffect } from 'react';
import type { BoardSession } from '../../canvas/board-session';
import { desktopApi } from '../desktop-api';
import { connectNativeMenu } from './native-menu';

/** In the desktop app, the native menu shows and runs this board's actions while it is open. */
export function useNativeMenu(session: BoardSession | null): void {
  useEffect(() => {
    const api = desktopApi();
    if (!session || !api) return;
    return connectNativeMenu(session, api);
  }, [session]);
}

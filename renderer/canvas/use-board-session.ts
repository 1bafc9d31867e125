import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { browserExportRenderer } from '../export';
import { getPlatform } from '../platform';
import { pageThemeStore } from '../theme/apply-theme';
import { browserClipboard } from '../ui/browser-clipboard';
import { type BoardSession, createBoardSession } from './board-session';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** One session per synced Y.Doc, created in an effect so it is destroyed exactly as often as it is made. */
export function useBoardSession(doc: Y.Doc | null, boardName: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    if (!doc) return;
    const created = createBoardSession(doc, {
      clipboard: browserClipboard(),
      files: getPlatform(),
      exporter: browserExportRenderer(),
      isMac: IS_MAC,
      boardName,
      theme: pageThemeStore(),
    });
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [doc, boardName]);
  return session;
}

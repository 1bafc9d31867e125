import { useEffect, useRef, useState } from 'react';
import type { EaselDesktopApi } from '../../../shared/desktop';
import { desktopApi } from '../desktop-api';
import { DESKTOP_CSS } from '../desktop-styles';
import { loadDialogMemory, saveDialogMemory, sessionStore } from './dialog-memory';
import { sharingIndicator } from './share-model';
import { ShareDialog } from './ShareDialog';
import { useBoardAccess } from './use-board-access';
import { useShare } from './use-share';

/**
 * The board header's "Share" button, with "Sharing · 2 guests" beside it
 * while the board is shared, and the share dialog it opens. `relayUrl` and
 * `hostToken` reach the relay's host API (passes, people, lock).
 */
export function ShareControl({
  api,
  boardId,
  relayUrl,
  hostToken,
}: {
  api: EaselDesktopApi;
  boardId: string;
  relayUrl: string;
  hostToken: string;
}) {
  const [remembered] = useState(() => loadDialogMemory(sessionStore(), boardId, Date.now()));
  const share = useShare(api, boardId, remembered);
  const [open, setOpen] = useState(remembered?.open ?? false);
  const access = useBoardAccess({ relayUrl, hostToken, boardId, active: open && share.status?.sharing === true });
  const shareButton = useRef<HTMLButtonElement>(null);
  const { error, portInUse, stoppedNote, pending } = share;
  useEffect(() => {
    saveDialogMemory(sessionStore(), { boardId, savedAt: Date.now(), open, error, portInUse, stoppedNote, pending });
  }, [boardId, open, error, portInUse, stoppedNote, pending]);
  const indicator = sharingIndicator(share.status);
  return (
    <>
      <style>{DESKTOP_CSS}</style>
      <button
        ref={shareButton}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="share-open"
      >
        Share
      </button>
      {indicator && (
        <span role="status" data-testid="share-indicator" style={{ color: '#1a7f37', fontWeight: 600 }}>
          {indicator}
        </span>
      )}
      {open && (
        <ShareDialog
          share={share}
          access={access}
          boardId={boardId}
          onClose={() => setOpen(false)}
          returnFocusTo={shareButton}
        />
      )}
    </>
  );
}

/**
 * The share control in the desktop app, on boards of this machine's own
 * relay only: a board joined on someone else's relay is theirs to share.
 * Pages on the own relay carry its host token (`?t=`), which guests never see,
 * so the token tells the two apart even when the relay has moved.
 */
export function BoardShare({
  boardId,
  pageToken,
  relayUrl,
}: {
  boardId: string;
  pageToken: string | undefined;
  relayUrl: string;
}) {
  const [api] = useState(() => desktopApi());
  const [ownRelay, setOwnRelay] = useState(false);
  useEffect(() => {
    let live = true;
    void api?.relay.info().then((info) => live && setOwnRelay(info.ok && info.value.token === pageToken));
    return () => {
      live = false;
    };
  }, [api, pageToken]);
  return api && ownRelay && pageToken !== undefined ? (
    <ShareControl api={api} boardId={boardId} relayUrl={relayUrl} hostToken={pageToken} />
  ) : null;
}

import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { useCatalog } from '../catalog/use-catalog';
import { useThumbnailUpload } from '../catalog/use-thumbnail-upload';
import { useBoardSession } from '../canvas/use-board-session';
import { useBoardImages } from '../images/use-board-images';
import { ErrorBanner } from '../ui/ErrorBanner';
import { BoardTitle, useBoardName } from '../ui/BoardTitle';
import { FileMenu } from '../ui/FileMenu';
import { StylePanel } from '../ui/StylePanel';
import { FrameList } from '../ui/frames/FrameList';
import { FrameListButton, usePresenting } from '../ui/frames/frames-chrome';
import { FrameNameEditor } from '../ui/frames/FrameNameEditor';
import { PresentingOffer } from '../ui/frames/PresentingOffer';
import { Presentation } from '../ui/frames/Presentation';
import { Toolbar } from '../ui/Toolbar';
import { ZoomControls } from '../ui/ZoomControls';
import { EmptyBoardHints } from '../ui/EmptyBoardHints';
import { HelpControls } from '../ui/HelpControls';
import { ShortcutsDialog } from '../ui/ShortcutsDialog';
import { UI_CSS } from '../ui/ui-styles';
import { useBoardContextMenu } from '../ui/use-board-context-menu';
import { usePeers } from '../canvas/presence/use-peers';
import { loadIdentity, saveIdentity } from '../presence/identity';
import { AccessEndedBanner, ViewOnlyBadge } from '../ui/AccessNotices';
import { EpochMismatchBanner } from '../ui/EpochMismatchBanner';
import { ParticipantsList } from '../ui/ParticipantsList';
import { StatusIndicator } from '../ui/StatusIndicator';
import { seedBoard } from '../routing/board-seeds';
import { newBoardId } from '../routing/board-id';
import { boardPath } from '../routing/route';
import { navigate } from '../routing/navigation';
import { Link } from '../routing/Link';
import { browserStorage, nameRecentBoard, rememberBoard } from './recent-boards';
import { desktopApi } from '../desktop/desktop-api';
import { CopyLinkButton } from '../ui/CopyLinkButton';
import { HOME_PATH } from '../routing/route';
import { useTestHook } from './test-hook';
import { useBoardSync } from './use-board-sync';
import { usePresence } from './use-presence';
import { useNativeMenu } from '../desktop/menu/use-native-menu';
import { useRelay } from '../desktop/relay/embedded-relay';
import { RelayState } from '../desktop/relay/RelayState';
import { useReportPending } from '../desktop/updates/use-report-pending';
import { ChevronLeft } from 'lucide-react';

// Sharing is the desktop host's (the QR encoder and the dialog): a browser never downloads it.
const BoardShare = lazy(() =>
  import('../desktop/share/ShareControl').then((module) => ({ default: module.BoardShare })),
);

/** One board: which board and whether it is saved, the toolbar, and the canvas filling the rest. */
export function BoardView({
  relayUrl,
  boardId,
  displayName,
  token,
}: {
  relayUrl: string;
  boardId: string;
  displayName?: string;
  /** The relay's access token, from a join link. */
  token?: string;
}) {
  // Chosen at random on first use and remembered; a ?name= link names me for this session.
  const [identity, setIdentity] = useState(() => loadIdentity(browserStorage(), displayName));
  // The handshake carries the name I joined with; a later rename goes out through presence, not a reconnect.
  const [joinName] = useState(identity.name);
  const relay = useRelay(relayUrl);
  const sync = useBoardSync(relay.url, boardId, joinName, token, identity.color);
  const { doc } = sync;
  const session = useBoardSession(doc, boardId);
  const images = useBoardImages(session, relay.url, boardId, token, sync.status);
  const imageCache = images?.cache;
  const imagesVersion = images?.version ?? 0;
  const canvasImages = useMemo(
    () => (imageCache ? { source: imageCache, version: imagesVersion } : null),
    [imageCache, imagesVersion],
  );
  // Only the desktop host's page gets the relay's catalog; it keeps the home screen's thumbnail current.
  const catalog = useCatalog(relay.url, token);
  const readShapes = useMemo(() => (session ? () => session.board.all() : null), [session]);
  useThumbnailUpload(catalog, boardId, doc, readShapes);
  const presence = usePresence(session, sync.awareness, identity);
  const peers = usePeers(presence);
  const rename = useCallback(
    (name: string) => {
      const saved = saveIdentity(browserStorage(), { ...identity, name });
      if (!saved.ok) return saved.error;
      setIdentity(saved.identity);
      return null;
    },
    [identity],
  );
  const keepAsNewBoard = useCallback(() => {
    if (!doc) return;
    const id = newBoardId();
    seedBoard(id, Y.encodeStateAsUpdate(doc));
    navigate(boardPath(id));
  }, [doc]);
  // What the relay lets me do here: a viewer's tools, commands and doc are off (canvas/board-session.ts).
  const canEdit = sync.role !== 'viewer';
  useEffect(() => {
    if (session && sync.role) session.setRole(sync.role);
  }, [session, sync.role]);
  useTestHook(session);
  useNativeMenu(session);
  useReportPending(sync.pending);
  const contextMenu = useBoardContextMenu(session);
  const presenting = usePresenting(session);
  useEffect(() => void rememberBoard(browserStorage(), boardId), [boardId]);
  const boardName = useBoardName(doc);
  useEffect(() => {
    if (boardName !== undefined) nameRecentBoard(browserStorage(), boardId, boardName);
  }, [boardId, boardName]);
  // In a browser the page's own address is the board's link; the desktop shares through its dialog.
  const [inBrowser] = useState(() => desktopApi() === null);
  return (
    <main
      className="easel-board"
      data-presenting={presenting ? '' : undefined}
      style={{
        fontFamily: 'system-ui, sans-serif',
        position: 'fixed',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <style>{UI_CSS}</style>
      <header className="easel-bar" style={{ gap: 16 }}>
        <strong className="hide-compact">Easel</strong>
        <Link to={HOME_PATH} aria-label="All boards" className="icon-text">
          <ChevronLeft aria-hidden size={14} />
          {/* Under 700 px the arrow alone: the header keeps its room for the board's name. */}
          <span className="hide-compact">All boards</span>
        </Link>
        <BoardTitle doc={doc} readOnly={!canEdit} />
        {!canEdit && <ViewOnlyBadge />}
        <span className="shrink hide-compact" title={`Board ${boardId} on ${relay.url}`}>
          on <code>{relay.url}</code>
        </span>
        <RelayState relay={relay} />
        {presence && <ParticipantsList presence={presence} peers={peers} onRename={rename} />}
        <StatusIndicator
          input={{
            board: sync.status,
            pending: sync.pending,
            connection: sync.connection,
            wasSynced: sync.wasSynced,
            reconnectedAt: sync.reconnectedAt,
            role: sync.role,
            refusal: sync.refusal,
            rejection: sync.rejection,
          }}
          onRetry={sync.retryNow}
        />
        {inBrowser && <CopyLinkButton boardId={boardId} token={token} />}
        {session && <FileMenu session={session} />}
        {!inBrowser && (
          <Suspense fallback={null}>
            <BoardShare boardId={boardId} pageToken={token} relayUrl={relay.url} />
          </Suspense>
        )}
      </header>
      {session && (
        <>
          {sync.epochMismatch && <EpochMismatchBanner onKeepAsNew={keepAsNewBoard} />}
          {sync.connection.accessEnded !== null && <AccessEndedBanner message={sync.connection.accessEnded} />}
          <ErrorBanner notices={session.notices} />
          <div className="easel-stage">
            <BoardCanvas session={session} presence={presence} onContextMenu={contextMenu.open} images={canvasImages} />
            <FrameNameEditor session={session} />
            <div className="easel-overlay">
              <div className="easel-dock top-centre">
                <Toolbar session={session} />
              </div>
              <div className="easel-corner top-right">{canEdit && <StylePanel session={session} />}</div>
              <div className="easel-corner bottom-left">
                <ZoomControls session={session} />
                <FrameListButton session={session} />
              </div>
              <FrameList session={session} />
              <PresentingOffer presence={presence} peers={peers} />
              <div className="easel-corner bottom-right">
                <HelpControls session={session} />
              </div>
            </div>
            {canEdit && <EmptyBoardHints session={session} />}
            <Presentation session={session} />
          </div>
          {contextMenu.element}
          <ShortcutsDialog session={session} />
        </>
      )}
    </main>
  );
}

/**
 * One board's images in the page (docs/ARCHITECTURE.md#images): the device's image store for
 * the relay, the relay's file API with the board's token, the decoded-picture cache the canvas
 * paints from, and the queue that adds images. The queue runs again whenever the board comes
 * back in sync, so images added offline follow as soon as the relay is there.
 */
import { useEffect, useRef, useState } from 'react';
import type { BoardStatus } from '../sync';
import type { BoardSession } from '../canvas/board-session';
import { BoardImages } from './board-images';
import { decodePicture, prepareImage } from './browser-images';
import { ImageCache } from './image-cache';
import { openImageFileStore } from './image-files';
import { createRelayFiles } from './relay-files';
import { takeSeedImages } from '../routing/board-seeds';

export interface PageImages {
  images: BoardImages;
  cache: ImageCache<ImageBitmap>;
  /** Bumped (at most once a frame) when a picture arrived: the canvas repaints. */
  version: number;
}

export function useBoardImages(
  session: BoardSession | null,
  relayUrl: string,
  boardId: string,
  token: string | undefined,
  status: BoardStatus,
): PageImages | null {
  const [made, setMade] = useState<Omit<PageImages, 'version'> | null>(null);
  const [version, setVersion] = useState(0);
  const currentRelay = useRef(relayUrl);
  currentRelay.current = relayUrl;
  useEffect(() => {
    if (!session) return;
    let closed = false;
    let frame = 0;
    let cleanup = () => {};
    void openImageFileStore(currentRelay.current).then((store) => {
      if (closed) return store.close();
      const relay = createRelayFiles(() => currentRelay.current, token);
      const cache = new ImageCache<ImageBitmap>({
        async load(image) {
          const kept = await store.get(image.sha256);
          if (kept) return new Blob([kept.bytes as Uint8Array<ArrayBuffer>], { type: kept.mime });
          const bytes = await relay.download(boardId, image.sha256);
          if (!bytes) return null;
          await store.put({ sha256: image.sha256, mime: image.mime, bytes, storedAt: Date.now() }).catch(() => {});
          return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: image.mime });
        },
        decode: decodePicture,
        onChange() {
          if (frame !== 0) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            setVersion((v) => v + 1);
          });
        },
      });
      const images = new BoardImages({
        boardId,
        board: session.board,
        ui: session.ui,
        viewportSize: () => session.stageSize,
        notify: (notice) => session.notices.getState().show(notice),
        dismissNotice: () => session.notices.getState().dismiss(),
        store,
        relay,
        prepare: prepareImage,
      });
      session.actions.images = images;
      setMade({ images, cache });
      // A `.easel` file opened as this new board: its images follow its other shapes once the relay has their files.
      const seeded = takeSeedImages(boardId);
      if (seeded) void images.insertPlaced(seeded.shapes, seeded.files);
      cleanup = () => {
        cancelAnimationFrame(frame);
        if (session.actions.images === images) session.actions.images = undefined;
        cache.destroy();
        store.close();
      };
    });
    return () => {
      closed = true;
      setMade(null);
      cleanup();
    };
  }, [session, boardId, token]);
  useEffect(() => {
    if (made && status === 'synced') void made.images.flush();
  }, [made, status]);
  return made ? { ...made, version } : null;
}

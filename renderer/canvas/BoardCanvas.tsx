/**
 * The board on screen: a Konva Stage filling its container with two layers
 * (docs/ARCHITECTURE.md#canvas), the static shapes and the interactive gesture/selection,
 * plus the inline text editor over them. The stage maps board to screen with
 * the UI store's viewport: screen = (board - viewport.xy) * zoom.
 */
import { type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Stage } from 'react-konva';
import { useStore } from 'zustand';
import type { PresenceSession } from '../presence/presence-session';
import type { ToolId } from '../state/ui-store';
import type { BoardSession } from './board-session';
import { useBoardVersion, useControllerTick } from './hooks';
import { selectionBounds } from '../tools';
import { isInGroup } from '../tools/select/group-selection';
import { GridCanvas } from './GridCanvas';
import { InteractiveLayer } from './InteractiveLayer';
import { PresenceLayer, remoteReplacedIds } from './presence/PresenceLayer';
import { RemoteCursors } from './presence/RemoteCursors';
import { usePeers } from './presence/use-peers';
import { usePresenceInput } from './presence/use-presence-input';
import { LaserLayer } from './presence/LaserLayer';
import { StaticLayer } from './StaticLayer';
import { CanvasColoursContext } from './shape-views/colours-context';
import { canvasColours, type ColourMap } from '../theme/canvas-colours';
import { editTarget, type Target, TextEditor } from './TextEditor';
import { useCanvasInput } from './use-canvas-input';
import { useClipboardEvents } from './use-clipboard-events';
import { useImageDrop } from './use-image-drop';
import { ImageSourceContext } from './shape-views/images-context';
import type { ImageSource } from './paint/paint-image';
import type { Size } from './viewport-math';

/** The editor's text and card in the theme's colours, as the canvas paints them. */
function themed(target: Target, colours: ColourMap): Target {
  return {
    ...target,
    color: colours(target.color),
    ...(target.card ? { card: { ...target.card, color: colours(target.card.color) } } : {}),
  };
}

const CURSORS: Partial<Record<ToolId, string>> = {
  select: 'default',
  hand: 'grab',
  text: 'text',
  eraser: 'cell',
  laser: 'default',
};

export function BoardCanvas({
  session,
  presence = null,
  onContextMenu,
  images,
}: {
  session: BoardSession;
  /** Decoded pictures of image shapes and a version bumped when one arrives (renderer/images/use-board-images.ts). */
  images?: { source: ImageSource; version: number } | null;
  /** Other people on the board and what I show them; null before awareness is up. */
  presence?: PresenceSession | null;
  /** A right-click on the canvas (the board's context menu, renderer/ui/use-board-context-menu.tsx). */
  onContextMenu?: (event: MouseEvent<HTMLDivElement>) => void;
}) {
  const { board, ui, controller } = session;
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const version = useBoardVersion(board);
  useControllerTick(controller);
  const viewport = useStore(ui, (s) => s.viewport);
  const selection = useStore(ui, (s) => s.selection);
  const focusedGroup = useStore(ui, (s) => s.focusedGroup);
  const gridVisible = useStore(ui, (s) => s.gridVisible);
  const editingId = useStore(ui, (s) => s.editingId);
  const tool = useStore(ui, (s) => s.tool);
  const stroke = useStore(ui, (s) => s.style.stroke);
  const align = useStore(ui, (s) => s.style.align);
  const theme = useStore(session.actions.theme, (s) => s.theme);
  const colours = canvasColours(theme);
  const spaceHeld = useCanvasInput(container, session);
  useClipboardEvents(session);
  useImageDrop(container, session);
  usePresenceInput(container, presence, size);
  const peers = usePeers(presence);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      session.stageSize = next;
      setSize(next);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [session]);

  // The index is kept current from the doc's changes; nothing here passes over every shape.
  const { live } = session;
  const selected = useMemo(() => selection.flatMap((id) => board.get(id) ?? []), [board, selection, version]);
  const focusedBox = useMemo(
    // The whole board is read only while a group is entered (its members may be anywhere).
    () =>
      focusedGroup === null ? null : selectionBounds(board.all().filter((shape) => isInGroup(shape, focusedGroup))),
    [board, version, focusedGroup],
  );
  const preview = controller.preview();
  const target = editTarget(board, editingId, preview, { stroke, align });
  const hidden =
    preview?.kind === 'transform' ? [...preview.shapes, ...(preview.followers ?? [])].map((s) => s.id) : [];
  const bindTargetId = preview?.kind === 'transform' || preview?.kind === 'draft' ? preview.bindTarget : undefined;
  const bindTarget = bindTargetId === undefined ? undefined : board.get(bindTargetId);
  hidden.push(...remoteReplacedIds(peers));
  // The text being edited is drawn by the editor; drawing it twice would double every glyph. A shape whose
  // label is edited is drawn without it by the interactive layer.
  if (target && !target.card && editingId) hidden.push(editingId);
  const unlabelled = target?.label ? { ...target.label, label: undefined } : null;
  const cursor = spaceHeld ? 'grab' : (CURSORS[tool] ?? 'crosshair');

  return (
    <div
      ref={container}
      data-testid="board-canvas"
      data-shape-count={live.count}
      // Focusable (not tabbable) so a closed context menu can hand focus back to the canvas.
      tabIndex={-1}
      onContextMenu={onContextMenu}
      style={{
        position: 'relative',
        flex: 1,
        minHeight: 0,
        overflow: 'hidden',
        touchAction: 'none',
        cursor,
        outline: 'none',
      }}
    >
      {size.width > 0 && gridVisible && <GridCanvas viewport={viewport} size={size} theme={theme} />}
      {size.width > 0 && (
        <Stage
          width={size.width}
          height={size.height}
          x={-viewport.x * viewport.zoom}
          y={-viewport.y * viewport.zoom}
          scaleX={viewport.zoom}
          scaleY={viewport.zoom}
          listening={false}
        >
          <StaticLayer
            shapes={live.index}
            version={live.version}
            hiddenKey={hidden.join(',')}
            fadedKey={preview?.kind === 'erase' ? preview.ids.join(',') : ''}
            colours={colours}
            images={images?.source}
            imagesVersion={images?.version ?? 0}
          />
          <CanvasColoursContext.Provider value={colours}>
            <ImageSourceContext.Provider value={images?.source}>
              <InteractiveLayer
                preview={preview}
                bindTarget={bindTarget}
                selected={selected}
                zoom={viewport.zoom}
                showHandles={!editingId}
                focusedGroup={focusedGroup}
                focusedBox={focusedBox}
                unlabelled={unlabelled}
              >
                <PresenceLayer peers={peers} board={board} zoom={viewport.zoom} />
              </InteractiveLayer>
            </ImageSourceContext.Provider>
          </CanvasColoursContext.Provider>
          <LaserLayer controller={controller} presence={presence} zoom={viewport.zoom} />
        </Stage>
      )}
      <RemoteCursors presence={presence} ui={ui} />
      {target && editingId && (
        <TextEditor key={editingId} target={themed(target, colours)} viewport={viewport} controller={controller} />
      )}
    </div>
  );
}

/**
 * Renaming a frame in place: an input over its name (double-click the name,
 * or Rename frame in the context menu). Enter or leaving the field keeps the
 * name, Esc drops the edit; one write, one undo step.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { MAX_FRAME_NAME_LENGTH } from '../../../shared/model';
import type { BoardSession } from '../../canvas/board-session';
import { FONT_FAMILY } from '../../canvas/shape-views/common';
import { FRAME_NAME_FONT_SIZE, frameNameBox } from '../../shapes';

export function FrameNameEditor({ session }: { session: BoardSession }) {
  const { ui, board } = session;
  const frameId = useStore(ui, (s) => s.renamingFrameId);
  const viewport = useStore(ui, (s) => s.viewport);
  const input = useRef<HTMLInputElement>(null);
  const frame = frameId === null ? undefined : board.get(frameId);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [frameId]);
  if (!frame || frame.type !== 'frame') return null;
  const box = frameNameBox(frame);
  const done = (keep: boolean) => {
    const value = input.current?.value.trim().slice(0, MAX_FRAME_NAME_LENGTH);
    ui.getState().setRenamingFrame(null);
    if (keep && value !== undefined && value !== frame.name && board.has(frame.id)) {
      board.transact(() => board.update(frame.id, { name: value }));
    }
  };
  const zoom = viewport.zoom;
  return (
    <input
      ref={input}
      aria-label="Frame name"
      data-testid="frame-name-editor"
      defaultValue={frame.name}
      maxLength={MAX_FRAME_NAME_LENGTH}
      onBlur={() => done(true)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') done(true);
        else if (event.key === 'Escape') done(false);
      }}
      style={{
        position: 'absolute',
        left: (frame.x - viewport.x) * zoom,
        top: (frame.y + box.minY - viewport.y) * zoom,
        width: Math.max(120, frame.w * zoom),
        height: (box.maxY - box.minY) * zoom + 4,
        font: `${FRAME_NAME_FONT_SIZE * zoom}px ${FONT_FAMILY}`,
        padding: 0,
        zIndex: 5,
      }}
    />
  );
}

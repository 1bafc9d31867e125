/**
 * Canvas input as presence sees it: where my pointer is on the board (null
 * once it leaves the canvas), that I am active, and that following stops the
 * moment I do anything myself (Escape says so explicitly). A new canvas size
 * goes to presence too: it is part of the view I publish and of the fit of
 * the view I follow.
 */
import { type RefObject, useEffect } from 'react';
import type { PresenceSession } from '../../presence/presence-session';
import type { Size } from '../viewport-math';

export function usePresenceInput(
  container: RefObject<HTMLDivElement | null>,
  presence: PresenceSession | null,
  /** The stage size as BoardCanvas measured it (and stored it in the session). */
  size: Size,
): void {
  useEffect(() => presence?.stageResized(), [presence, size.width, size.height]);

  useEffect(() => {
    const el = container.current;
    if (!el || !presence) return;
    const onMove = (e: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      presence.local.setPointer({ x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    const onLeave = () => presence.local.setPointer(null);
    const onInput = () => {
      presence.local.noteInput();
      presence.follow.stop('input');
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && presence.follow.target !== null) {
        presence.follow.stop('escape');
        return;
      }
      onInput();
    };
    // Capture: my cursor is updated before the canvas input hands the move to the tools, so a
    // presence update the tool's reaction causes already carries the new position.
    el.addEventListener('pointermove', onMove, { capture: true });
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('pointerdown', onInput);
    el.addEventListener('wheel', onInput, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointermove', onMove, { capture: true });
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('pointerdown', onInput);
      el.removeEventListener('wheel', onInput);
      window.removeEventListener('keydown', onKey);
    };
  }, [container, presence]);
}

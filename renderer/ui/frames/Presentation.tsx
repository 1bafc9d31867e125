/**
 * Presenting (View › Present frames, F5): one frame at a time fitted to the
 * screen, full screen (the Fullscreen API; in the desktop window it fills the
 * screen the same way). Arrow keys, PageUp/PageDown, space and Enter step;
 * Esc, or leaving full screen, ends it. My viewport goes out through presence
 * as always, so whoever follows me sees the same frame.
 */
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { BoardSession } from '../../canvas/board-session';
import { boardFrames, zoomToFrame } from '../../frames/frame-commands';
import { frameTitle } from '../../shapes';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** Takes the keys while presenting, before the canvas's shortcuts (arrows would nudge, Esc would switch tools). */
function usePresentationKeys(session: BoardSession, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const id = NEXT_KEYS.has(event.key)
        ? 'view.nextFrame'
        : PREVIOUS_KEYS.has(event.key)
          ? 'view.previousFrame'
          : event.key === 'Escape'
            ? 'view.stopPresenting'
            : null;
      if (id === null) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void session.registry.perform(id, session.actions);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [session, active]);
}

/** Full screen while presenting; leaving full screen (the browser's own Esc) ends the presentation. */
function useFullScreen(session: BoardSession, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const refit = () => {
      // The canvas learns its new size from a ResizeObserver; fit once it has.
      window.setTimeout(() => {
        const frameId = session.ui.getState().presenting;
        if (frameId) zoomToFrame(session.actions, frameId);
      }, 60);
    };
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) session.ui.getState().setPresenting(null);
      refit();
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('resize', refit);
    if (!document.fullscreenElement && document.fullscreenEnabled) {
      // Refused without a user gesture (a test driving the page, a browser policy): present in the window.
      document.documentElement.requestFullscreen().catch(() => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('resize', refit);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [session, active]);
}

export function Presentation({ session }: { session: BoardSession }) {
  const presenting = useStore(session.ui, (s) => s.presenting);
  const active = presenting !== null;
  usePresentationKeys(session, active);
  useFullScreen(session, active);
  if (!active) return null;
  const frames = boardFrames(session.board);
  const at = frames.findIndex((frame) => frame.id === presenting);
  const frame = frames[at];
  const perform = (id: string) => void session.registry.perform(id, session.actions);
  return (
    <div role="toolbar" aria-label="Presentation" className="easel-float easel-row easel-presentation-bar">
      <button
        type="button"
        className="easel-icon"
        aria-label="Previous frame"
        onClick={() => perform('view.previousFrame')}
        disabled={at <= 0}
      >
        <ChevronLeft aria-hidden size={16} />
      </button>
      <span data-testid="presented-frame" style={{ padding: '0 8px' }}>
        {frame ? frameTitle(frame) : 'Frame gone'} ({at + 1} / {frames.length})
      </span>
      <button
        type="button"
        className="easel-icon"
        aria-label="Next frame"
        onClick={() => perform('view.nextFrame')}
        disabled={at >= frames.length - 1}
      >
        <ChevronRight aria-hidden size={16} />
      </button>
      <button
        type="button"
        className="easel-icon"
        aria-label="Stop presenting (Esc)"
        onClick={() => perform('view.stopPresenting')}
      >
        <X aria-hidden size={16} />
      </button>
    </div>
  );
}

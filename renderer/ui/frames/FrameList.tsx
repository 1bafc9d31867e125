/**
 * The frame list (View › Frame list, Shift+F): every frame by name in board
 * order. A click zooms to fit the frame; each row exports its frame as PNG
 * or SVG; Present starts the slideshow at the first frame.
 */
import { FileImage, FileCode, Play, X } from 'lucide-react';
import { useStore } from 'zustand';
import type { BoardSession } from '../../canvas/board-session';
import { useBoardVersion } from '../../canvas/hooks';
import { boardFrames, exportFrameAs, presentFrame, zoomToFrame } from '../../frames/frame-commands';
import { frameTitle } from '../../shapes';
import { failureNotice } from '../../state/notices';

export function FrameList({ session }: { session: BoardSession }) {
  useBoardVersion(session.board);
  const { ui, actions } = session;
  const open = useStore(ui, (s) => s.frameListOpen);
  const presenting = useStore(ui, (s) => s.presenting);
  if (!open || presenting !== null) return null;
  const frames = boardFrames(session.board);
  const exportFrame = (id: string, format: 'png' | 'svg') =>
    void exportFrameAs(actions, id, format).catch((error: unknown) =>
      actions.notify(failureNotice(`Export frame as ${format.toUpperCase()}`, error)),
    );
  return (
    <nav aria-label="Frames" className="easel-float easel-frame-list" data-testid="frame-list">
      <div className="easel-row">
        <strong style={{ flex: 1, padding: '0 6px' }}>Frames</strong>
        <button
          type="button"
          className="easel-icon"
          aria-label="Present from the first frame"
          title="Present from the first frame"
          disabled={frames.length === 0}
          onClick={() => frames[0] && presentFrame(actions, frames[0].id)}
        >
          <Play aria-hidden size={16} />
        </button>
        <button
          type="button"
          className="easel-icon"
          aria-label="Close the frame list"
          title="Close"
          onClick={() => ui.getState().setFrameListOpen(false)}
        >
          <X aria-hidden size={16} />
        </button>
      </div>
      {frames.length === 0 && <p style={{ margin: 6 }}>No frames yet: draw one with the Frame tool (F).</p>}
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {frames.map((frame) => (
          <li key={frame.id} className="easel-row">
            <button type="button" style={{ flex: 1, textAlign: 'left' }} onClick={() => zoomToFrame(actions, frame.id)}>
              {frameTitle(frame)}
            </button>
            <button
              type="button"
              className="easel-icon"
              aria-label={`Export ${frameTitle(frame)} as PNG`}
              title="Export as PNG"
              onClick={() => exportFrame(frame.id, 'png')}
            >
              <FileImage aria-hidden size={16} />
            </button>
            <button
              type="button"
              className="easel-icon"
              aria-label={`Export ${frameTitle(frame)} as SVG`}
              title="Export as SVG"
              onClick={() => exportFrame(frame.id, 'svg')}
            >
              <FileCode aria-hidden size={16} />
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

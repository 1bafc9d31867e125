/**
 * The zoom widget at the canvas's bottom-left: −, the zoom as a percentage
 * (a click goes back to 100 %), +. Each part is a registered view action
 * (docs/ARCHITECTURE.md#actions), so its tooltip names the same keys the
 * keyboard and the menus use.
 */
import { Minus, Plus } from 'lucide-react';
import { useId } from 'react';
import { useStore } from 'zustand';
import { ariaKeyShortcuts, shortcutLabel } from '../actions';
import type { BoardSession } from '../canvas/board-session';
import { ActionButton, Tip } from './chrome/ActionButton';

export function ZoomControls({ session }: { session: BoardSession }) {
  const { registry, actions, ui } = session;
  const zoom = useStore(ui, (s) => s.viewport.zoom);
  const tipId = useId();
  const reset = registry.get('view.resetZoom');
  const percent = `${Math.round(zoom * 100)}%`;
  return (
    <div role="group" aria-label="Zoom" className="easel-float easel-row">
      <ActionButton session={session} actionId="view.zoomOut" icon={Minus} tip="above" />
      {reset && (
        <button
          type="button"
          className="easel-icon easel-zoom-level"
          aria-label={`Zoom ${percent}, reset to 100%`}
          aria-describedby={tipId}
          aria-keyshortcuts={ariaKeyShortcuts(reset, actions.isMac) || undefined}
          onClick={() => void registry.perform(reset.id, actions)}
        >
          <span data-testid="zoom-level">{percent}</span>
          <Tip id={tipId} label={reset.label} keys={shortcutLabel(reset, actions.isMac)} side="above" />
        </button>
      )}
      <ActionButton session={session} actionId="view.zoomIn" icon={Plus} tip="above" />
    </div>
  );
}

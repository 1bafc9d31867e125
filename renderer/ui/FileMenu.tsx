/**
 * The board's File commands (export, save, open) as buttons built from the
 * action registry's 'file' group (DESIGN §6.6), so labels, shortcut hints and
 * the disabled state match the keyboard. Exports take the selection when
 * there is one; the tooltip says which.
 */
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { shortcutLabel } from '../actions';
import type { BoardSession } from '../canvas/board-session';
import { failureNotice } from '../state/notices';

const EXPORTS = new Set(['file.exportPng', 'file.exportSvg']);

export function FileMenu({ session }: { session: BoardSession }) {
  const { registry, actions, ui, board, notices } = session;
  // Re-rendered when the board becomes empty or stops being empty (not on every edit): export and save need shapes.
  const hasShapes = useSyncExternalStore(
    (onChange) => board.observe(onChange),
    () => board.all().length > 0,
  );
  const selection = useStore(ui, (s) => s.selection);
  const hasSelection = selection.some((id) => board.has(id));
  const commands = registry.all().filter((action) => action.group === 'file');
  return (
    <div role="group" aria-label="File" style={{ display: 'flex', gap: 4 }}>
      {commands.map((action) => {
        const enabled = registry.isEnabled(action, actions);
        const keys = shortcutLabel(action, actions.isMac);
        const scope = EXPORTS.has(action.id) ? (hasSelection ? ' of the selection' : ' of the whole board') : '';
        const title = `${action.label}${scope}${keys ? ` (${keys})` : ''}`;
        return (
          <button
            key={action.id}
            type="button"
            title={enabled || hasShapes ? title : `${title}: the board is empty`}
            disabled={!enabled}
            onClick={() =>
              void Promise.resolve(registry.perform(action.id, actions)).catch((error: unknown) =>
                notices.getState().show(failureNotice(action.label, error)),
              )
            }
          >
            {action.label}
          </button>
        );
      })}
    </div>
  );
}

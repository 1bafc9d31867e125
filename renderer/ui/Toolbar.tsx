/**
 * The tool buttons come from the action registry's 'tools' group
 * (docs/ARCHITECTURE.md#actions), so labels, shortcuts in tooltips and the pressed state match the
 * keyboard. Undo and redo follow BoardUndo's state.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { shortcutLabel } from '../actions';
import type { BoardSession } from '../canvas/board-session';

export function Toolbar({ session }: { session: BoardSession }) {
  const { registry, actions, ui, undo } = session;
  useStore(ui, (s) => s.tool); // re-render when the tool changes: `checked` reads it
  const [undoState, setUndoState] = useState({ canUndo: undo.canUndo, canRedo: undo.canRedo });
  useEffect(() => undo.onChange(setUndoState), [undo]);

  const tools = registry.all().filter((action) => action.group === 'tools');
  const titled = (id: string) => {
    const action = registry.get(id);
    if (!action) return id;
    const keys = shortcutLabel(action, actions.isMac);
    return keys ? `${action.label} (${keys})` : action.label;
  };
  return (
    <div role="toolbar" aria-label="Tools" className="easel-bar" style={{ borderBottom: 'none' }}>
      {tools.map((action) => (
        <button
          key={action.id}
          type="button"
          aria-label={action.label}
          title={titled(action.id)}
          aria-pressed={action.checked?.(actions) ?? false}
          onClick={() => void registry.perform(action.id, actions)}
        >
          {action.label}
        </button>
      ))}
      <span className="sep" />
      <button
        type="button"
        aria-label="Undo"
        title={titled('edit.undo')}
        disabled={!undoState.canUndo}
        onClick={() => void registry.perform('edit.undo', actions)}
      >
        Undo
      </button>
      <button
        type="button"
        aria-label="Redo"
        title={titled('edit.redo')}
        disabled={!undoState.canRedo}
        onClick={() => void registry.perform('edit.redo', actions)}
      >
        Redo
      </button>
    </div>
  );
}

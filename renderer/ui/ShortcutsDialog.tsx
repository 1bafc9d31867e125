/**
 * The keyboard shortcuts dialog (`?`, F1, Help → Keyboard shortcuts). It is
 * written from the actions registry (docs/ARCHITECTURE.md#actions): every
 * action with a key on this platform, by group, with each of its keys, so it
 * cannot drift from what the keys do. A native <dialog>: modal, Esc closes
 * it, focus stays inside and returns where it was.
 */
import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { type Action, type ActionGroup, formatShortcut } from '../actions';
import { appliesTo } from '../actions/keys';
import type { BoardSession } from '../canvas/board-session';

const GROUP_TITLES: Readonly<Record<ActionGroup, string>> = {
  tools: 'Tools',
  edit: 'Edit',
  arrange: 'Arrange',
  view: 'View',
  file: 'File',
  help: 'Help',
};

export interface ShortcutSection {
  title: string;
  rows: { id: string; label: string; keys: string[] }[];
}

/** The dialog's content: each group's actions that have a key here, in registry order. */
export function shortcutSections(actions: readonly Action[], isMac: boolean): ShortcutSection[] {
  const sections = new Map<ActionGroup, ShortcutSection>();
  for (const action of actions) {
    const keys = action.shortcuts.filter((shortcut) => appliesTo(shortcut, isMac));
    if (keys.length === 0) continue;
    const section = sections.get(action.group) ?? { title: GROUP_TITLES[action.group], rows: [] };
    section.rows.push({ id: action.id, label: action.label, keys: keys.map((key) => formatShortcut(key, isMac)) });
    sections.set(action.group, section);
  }
  return [...sections.values()];
}

export function ShortcutsDialog({ session }: { session: BoardSession }) {
  const { ui, registry, actions } = session;
  const open = useStore(ui, (s) => s.helpOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="easel-shortcuts"
      aria-labelledby="easel-shortcuts-title"
      onClose={() => ui.getState().setHelpOpen(false)}
      // Keys pressed in the dialog are its own: the board's shortcuts listen on window.
      onKeyDown={(event) => event.stopPropagation()}
      onClick={(event) => event.target === event.currentTarget && ui.getState().setHelpOpen(false)}
    >
      {open && (
        <div className="easel-shortcuts-body">
          <header>
            <h2 id="easel-shortcuts-title">Keyboard shortcuts</h2>
            <button
              type="button"
              className="easel-icon"
              aria-label="Close"
              onClick={() => ui.getState().setHelpOpen(false)}
            >
              <X aria-hidden size={18} />
            </button>
          </header>
          <div className="easel-shortcuts-groups">
            {shortcutSections(registry.all(), actions.isMac).map((section) => (
              <section key={section.title} aria-label={section.title}>
                <h3>{section.title}</h3>
                <table>
                  <tbody>
                    {section.rows.map((row) => (
                      <tr key={row.id} data-action={row.id}>
                        <th scope="row">{row.label}</th>
                        <td>
                          {row.keys.map((key, i) => (
                            <span key={key}>
                              {i > 0 && ' or '}
                              <kbd>{key}</kbd>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
        </div>
      )}
    </dialog>
  );
}

/** The canvas's bottom-right corner: dark mode, and the keyboard shortcuts button (its dialog is ShortcutsDialog). */
import { CircleHelp, Moon, Sun } from 'lucide-react';
import { useStore } from 'zustand';
import type { BoardSession } from '../canvas/board-session';
import { ActionButton } from './chrome/ActionButton';

export function HelpControls({ session }: { session: BoardSession }) {
  const dark = useStore(session.actions.theme, (s) => s.theme === 'dark');
  return (
    <div role="group" aria-label="Help" className="easel-float easel-row">
      <ActionButton session={session} actionId="view.darkMode" icon={dark ? Sun : Moon} tip="left" />
      <ActionButton session={session} actionId="help.shortcuts" icon={CircleHelp} tip="left" />
    </div>
  );
}

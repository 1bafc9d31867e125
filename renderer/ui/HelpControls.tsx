/** The canvas's bottom-right corner: the keyboard shortcuts button (its dialog is ShortcutsDialog). */
import { CircleHelp } from 'lucide-react';
import type { BoardSession } from '../canvas/board-session';
import { ActionButton } from './chrome/ActionButton';

export function HelpControls({ session }: { session: BoardSession }) {
  return (
    <div role="group" aria-label="Help" className="easel-float easel-row">
      <ActionButton session={session} actionId="help.shortcuts" icon={CircleHelp} tip="left" />
    </div>
  );
}

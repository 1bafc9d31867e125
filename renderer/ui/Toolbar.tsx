/**
 * The floating tool bar: one icon button per action of the registry's
 * 'tools' group (docs/ARCHITECTURE.md#actions), the tool lock among them,
 * then undo and redo. Labels, the tooltips' shortcuts and the pressed and
 * disabled states come from the registry, so they match the keyboard and the
 * menus; a tool without an icon here still gets a button, named by its label.
 * A viewer gets only the tools that change nothing (select, hand), and no
 * undo or redo.
 */
import {
  Circle,
  Eraser,
  Frame,
  Wand,
  Hand,
  Lock,
  type LucideIcon,
  Minus,
  MousePointer2,
  MoveUpRight,
  Pencil,
  Redo2,
  Square,
  StickyNote,
  Type,
  Undo2,
} from 'lucide-react';
import { useStore } from 'zustand';
import type { BoardSession } from '../canvas/board-session';
import { ActionButton } from './chrome/ActionButton';
import { useCommandState } from './chrome/use-command-state';

const ICONS: Readonly<Record<string, LucideIcon>> = {
  'tools.select': MousePointer2,
  'tools.hand': Hand,
  'tools.pen': Pencil,
  'tools.rect': Square,
  'tools.ellipse': Circle,
  'tools.line': Minus,
  'tools.arrow': MoveUpRight,
  'tools.text': Type,
  'tools.note': StickyNote,
  'tools.eraser': Eraser,
  'tools.frame': Frame,
  'tools.laser': Wand,
  'tools.lock': Lock,
};

export function Toolbar({ session, tip = 'below' }: { session: BoardSession; tip?: 'below' | 'above' }) {
  useCommandState(session);
  const canEdit = useStore(session.ui, (s) => s.canEdit);
  const { registry, actions } = session;
  const tools = registry
    .all()
    .filter((action) => action.group === 'tools' && (canEdit || registry.isEnabled(action, actions)));
  return (
    <div role="toolbar" aria-label="Tools" className="easel-float easel-row easel-toolbar">
      {tools.map((action) => (
        <ActionButton key={action.id} session={session} actionId={action.id} icon={ICONS[action.id]} tip={tip}>
          {action.label}
        </ActionButton>
      ))}
      {canEdit && (
        <>
          <span className="sep" />
          <ActionButton session={session} actionId="edit.undo" icon={Undo2} tip={tip} />
          <ActionButton session={session} actionId="edit.redo" icon={Redo2} tip={tip} />
        </>
      )}
    </div>
  );
}

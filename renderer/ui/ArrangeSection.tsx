/**
 * The style panel's Arrange row, shown for a selection: group, ungroup and
 * lock, and align and distribute. Each button is a registered action
 * (ActionButton), so it is greyed out exactly when the keys and menus would
 * do nothing: align wants two groups or shapes, distribute three.
 */
import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  Group,
  Lock,
  type LucideIcon,
  Ungroup,
} from 'lucide-react';
import { useId } from 'react';
import type { BoardSession } from '../canvas/board-session';
import { ActionButton } from './chrome/ActionButton';

const BUTTONS: readonly { actionId: string; icon: LucideIcon }[] = [
  { actionId: 'arrange.group', icon: Group },
  { actionId: 'arrange.ungroup', icon: Ungroup },
  { actionId: 'arrange.lock', icon: Lock },
  { actionId: 'arrange.alignLeft', icon: AlignStartVertical },
  { actionId: 'arrange.alignCentre', icon: AlignCenterVertical },
  { actionId: 'arrange.alignRight', icon: AlignEndVertical },
  { actionId: 'arrange.alignTop', icon: AlignStartHorizontal },
  { actionId: 'arrange.alignMiddle', icon: AlignCenterHorizontal },
  { actionId: 'arrange.alignBottom', icon: AlignEndHorizontal },
  { actionId: 'arrange.distributeHorizontal', icon: AlignHorizontalDistributeCenter },
  { actionId: 'arrange.distributeVertical', icon: AlignVerticalDistributeCenter },
];

export function ArrangeSection({ session }: { session: BoardSession }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="easel-style-row">
      <span id={id} className="row-label">
        Arrange
      </span>
      <div className="row-choices">
        {BUTTONS.map(({ actionId, icon }) => (
          <ActionButton key={actionId} session={session} actionId={actionId} icon={icon} tip="left" />
        ))}
      </div>
    </div>
  );
}

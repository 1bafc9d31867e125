/**
 * A compact icon button for one registered action (docs/ARCHITECTURE.md#actions):
 * its label is the accessible name, its tooltip names the label and the
 * shortcut, and `enabled` / `checked` come from the registry, so the button
 * and the keyboard can never disagree. The tooltip is an element of its own
 * (role tooltip, aria-describedby), shown on hover and keyboard focus.
 */
import type { LucideIcon } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { ariaKeyShortcuts, shortcutLabel } from '../../actions';
import type { BoardSession } from '../../canvas/board-session';

export type TipSide = 'below' | 'above' | 'left' | 'right';

export function Tip({ id, label, keys, side }: { id: string; label: string; keys?: string; side: TipSide }) {
  return (
    <span role="tooltip" id={id} className={`easel-tip tip-${side}`}>
      {label}
      {keys ? <kbd>{keys}</kbd> : null}
    </span>
  );
}

export function ActionButton({
  session,
  actionId,
  icon: Icon,
  tip = 'below',
  children,
}: {
  session: BoardSession;
  actionId: string;
  icon?: LucideIcon;
  tip?: TipSide;
  /** Shown instead of an icon (the zoom percentage). */
  children?: ReactNode;
}) {
  const { registry, actions } = session;
  const tipId = useId();
  const action = registry.get(actionId);
  if (!action) return null;
  const checked = action.checked?.(actions);
  const keys = shortcutLabel(action, actions.isMac);
  return (
    <button
      type="button"
      className="easel-icon"
      aria-label={action.label}
      aria-describedby={tipId}
      aria-keyshortcuts={ariaKeyShortcuts(action, actions.isMac) || undefined}
      aria-pressed={checked}
      disabled={!registry.isEnabled(action, actions)}
      onClick={() => void registry.perform(action.id, actions)}
    >
      {Icon ? <Icon aria-hidden size={18} strokeWidth={1.75} /> : children}
      <Tip id={tipId} label={action.label} keys={keys} side={tip} />
    </button>
  );
}

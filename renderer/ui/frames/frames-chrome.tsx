/** Small pieces of the frames' chrome: the frame list's button and whether a presentation runs. */
import { ListTree } from 'lucide-react';
import { useCallback, useSyncExternalStore } from 'react';
import type { BoardSession } from '../../canvas/board-session';
import { ActionButton } from '../chrome/ActionButton';

export function FrameListButton({ session }: { session: BoardSession }) {
  return (
    <div className="easel-float easel-row">
      <ActionButton session={session} actionId="view.frameList" icon={ListTree} tip="above" />
    </div>
  );
}

/** Whether this person is presenting now (the board's chrome hides meanwhile). */
export function usePresenting(session: BoardSession | null): boolean {
  const subscribe = useCallback((listener: () => void) => session?.ui.subscribe(listener) ?? (() => {}), [session]);
  return useSyncExternalStore(subscribe, () => session?.ui.getState().presenting != null);
}

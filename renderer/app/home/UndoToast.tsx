import { useEffect } from 'react';

/** How long the "deleted — Undo" message stays (ms); the board stays in Recently deleted after. */
export const UNDO_TOAST_MS = 10_000;

export function UndoToast({ message, onUndo, onClose }: { message: string; onUndo: () => void; onClose: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onClose, UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" data-testid="undo-delete" onClick={onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), [tabindex="0"]';

/**
 * A modal dialog: Esc or a click outside closes it, Tab and Shift+Tab cycle
 * inside it, focus starts on its first control and returns to what had it
 * (or to `returnFocusTo`, when the page was loaded again meanwhile) on close.
 * Keys are caught on the document, not the dialog, because the control that
 * had focus may vanish when the content changes (the "Share on LAN" button
 * once sharing starts), leaving focus on <body>. While it is open, no key
 * reaches the board's shortcuts. It is drawn into <body>, out of the header
 * whose no-wrap layout would squeeze it.
 */
export function Modal({
  labelledBy,
  onClose,
  children,
  testId,
  returnFocusTo,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = box.current;
      if (!dialog) return;
      const inside = event.target instanceof Node && dialog.contains(event.target);
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
      } else if (event.key === 'Tab') {
        trapTab(event, dialog);
      } else if (!inside) {
        // Focus fell out of the dialog (to <body>): the board's shortcuts must not act behind it.
        event.stopPropagation();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      (before?.isConnected ? before : returnFocusTo?.current)?.focus();
    };
  }, [returnFocusTo]);

  return createPortal(
    <div
      className="easel-backdrop easel-desktop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={box}
        className="easel-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        // Keys typed in the dialog are its own: the board's shortcuts (Delete, tool keys) listen on window.
        onKeyDown={(event) => event.stopPropagation()}
        onKeyUp={(event) => event.stopPropagation()}
        data-testid={testId}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** Tab past the last control goes to the first, Shift+Tab before the first to the last; from outside, into it. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const outside = !(active instanceof Node) || !dialog.contains(active);
  if (outside || (event.shiftKey && active === first) || (!event.shiftKey && active === last)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

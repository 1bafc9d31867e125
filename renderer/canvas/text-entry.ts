/**
 * Where the keyboard and the clipboard belong to text rather than to the
 * board: a focused text field (Esc excepted: it ends an edit), and text the
 * person selected on the page.
 */

/** An input, textarea, select or contenteditable element: keys and clipboard go to its text. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether copy and cut should take text rather than shapes: a text field has focus, or page text is selected. */
export function textOwnsClipboard(doc: Document, kind: 'copy' | 'cut' | 'paste'): boolean {
  if (isTextEntry(doc.activeElement)) return true;
  if (kind === 'paste') return false;
  const selection = doc.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
}

/**
 * Keeps the desktop app's native menu in step with one open board: sends the
 * template when the board opens, again when a label, enabled or checked state
 * changed (checked after the board or the UI changed, at most every
 * MENU_REFRESH_DELAY_MS, and only sent when it differs), and performs the
 * action a chosen item names. Undo, redo and select all chosen while a text
 * field has focus are that field's (shared/desktop/menu.ts TEXT_EDITING_ACTIONS).
 */
import type { EaselDesktopApi } from '../../../shared/desktop/api';
import { TEXT_EDITING_ACTIONS } from '../../../shared/desktop/menu';
import type { BoardSession } from '../../canvas/board-session';
import { isTextEntry } from '../../canvas/text-entry';
import { failureNotice } from '../../state/notices';
import { menuTemplateFor } from './menu-template';

export const MENU_REFRESH_DELAY_MS = 100;

export function connectNativeMenu(
  session: BoardSession,
  api: Pick<EaselDesktopApi, 'menu'>,
  /** The page whose focused text field gets undo, redo and select all; none outside a browser. */
  page: Document | undefined = globalThis.document,
): () => void {
  const { registry, actions, notices, ui, board } = session;
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    const template = menuTemplateFor(registry, actions);
    const text = JSON.stringify(template);
    if (text === lastSent) return;
    lastSent = text;
    void api.menu.setTemplate(template).then((result) => {
      if (!result.ok) console.warn('[easel] the native menu was refused:', result.error.message);
    });
  };
  const schedule = () => {
    timer ??= setTimeout(send, MENU_REFRESH_DELAY_MS);
  };
  send();
  const unsubscribeUi = ui.subscribe(schedule);
  const unsubscribeTheme = actions.theme.subscribe(schedule); // View › Dark mode's tick
  // Undo, redo and every edit (ours or a peer's) are transactions on the doc.
  board.doc.on('afterTransaction', schedule);
  const unsubscribeAction = api.menu.onAction(({ id }) => {
    const action = registry.get(id);
    // A menu item sent for a board that has since closed names nothing here.
    if (!action) return;
    const textCommand = textEditingCommand(id);
    if (textCommand && page && isTextEntry(page.activeElement)) {
      // The browser's own undo, redo and select all of the focused field.
      page.execCommand(textCommand);
      return;
    }
    void Promise.resolve(registry.perform(id, actions)).catch((error: unknown) =>
      notices.getState().show(failureNotice(action.label, error)),
    );
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribeUi();
    unsubscribeTheme();
    board.doc.off('afterTransaction', schedule);
    unsubscribeAction();
    // No board: the menu keeps only what the app has everywhere (the Edit menu's roles among it).
    void api.menu.setTemplate([]);
  };
}

const textEditingCommand = (id: string): string | undefined =>
  Object.hasOwn(TEXT_EDITING_ACTIONS, id) ? TEXT_EDITING_ACTIONS[id as keyof typeof TEXT_EDITING_ACTIONS] : undefined;

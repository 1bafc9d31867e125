/**
 * The list every command surface reads (Excalidraw `actions/manager.tsx`):
 * the toolbar and menus list `all()` with `shortcutLabel`, the keyboard
 * handler calls `handleKeyDown`, buttons call `perform`. An action is
 * registered once; a second one with the same id is a bug and throws.
 *
 * Keys never run an action while a text or note is being edited inline
 * (the UI store's `editingId`): typing "R" into a note must type an R. Only
 * Escape gets through, so it can end the edit.
 */
import type { Action, ActionContext, ActionInput, ClipboardEventKind, ClipboardPort, KeyInput } from './action';
import { createAlignActions } from './align-actions';
import { createArrangeActions } from './arrange-actions';
import { createClipboardActions } from './clipboard-actions';
import { createEditActions } from './edit-actions';
import { createFrameActions } from './frame-actions';
import { createFileActions } from './file-actions';
import { createGroupActions } from './group-actions';
import { createImageActions } from './image-actions';
import { createHelpActions } from './help-actions';
import { matchesShortcut } from './keys';
import { createTextActions } from './text-actions';
import { createToolActions } from './tool-actions';
import { allowedForRole } from './view-only';
import { createViewActions } from './view-actions';

export { shortcutLabel } from './keys';

export interface ActionRegistryOptions {
  /** An action run from a key press failed after it returned (a clipboard that refused). Defaults to rethrowing unhandled. */
  onError?: (error: unknown, action: Action) => void;
}

export class ActionRegistry {
  private readonly actions = new Map<string, Action>();
  private readonly onError: (error: unknown, action: Action) => void;

  constructor(options: ActionRegistryOptions = {}) {
    this.onError =
      options.onError ??
      ((error) =>
        queueMicrotask(() => {
          throw error;
        }));
  }

  register(action: Action): void {
    if (this.actions.has(action.id)) throw new Error(`action "${action.id}" is already registered`);
    this.actions.set(action.id, action);
  }

  get(id: string): Action | undefined {
    return this.actions.get(id);
  }

  /** Every action, in registration order (the order menus list them in). */
  all(): Action[] {
    return [...this.actions.values()];
  }

  /** Every action the key press would run, enabled or not. More than one is a conflict the tests rule out. */
  matches(event: KeyInput, ctx: ActionContext): Action[] {
    if (event.isComposing) return [];
    if (ctx.ui.getState().editingId !== null && event.key !== 'Escape') return [];
    return this.all().filter(
      (action) =>
        // Copy, cut and paste keys are left to the page, whose clipboard events run them (handleClipboardEvent).
        action.clipboardEvent === undefined &&
        (action.shortcuts.some((shortcut) => matchesShortcut(shortcut, event, ctx.isMac)) ||
          (action.keyTest?.(event, ctx) ?? false)),
    );
  }

  /** The action the key press belongs to, enabled or not (the caller may still want to preventDefault). */
  match(event: KeyInput, ctx: ActionContext): Action | undefined {
    return this.matches(event, ctx)[0];
  }

  /** False for a viewer's board-changing command (view-only.ts), else the action's own `enabled`. */
  isEnabled(action: Action | string, ctx: ActionContext): boolean {
    const found = typeof action === 'string' ? this.require(action) : action;
    if (!allowedForRole(found, ctx)) return false;
    return found.enabled?.(ctx) ?? true;
  }

  /**
   * Runs the action if it is enabled (a disabled one does nothing). Throws
   * for an unknown id: a caller naming an action that does not exist is a bug.
   */
  perform(id: string, ctx: ActionContext, input?: ActionInput): void | Promise<void> {
    const action = this.require(id);
    if (!this.isEnabled(action, ctx)) return;
    return action.perform(ctx, input);
  }

  /**
   * Runs the action a key press belongs to, passing the event on (a nudge
   * reads Shift from it). Returns the action it matched, run or disabled, so
   * the caller can preventDefault; undefined leaves the key to the page.
   */
  handleKeyDown(event: KeyInput, ctx: ActionContext): Action | undefined {
    const action = this.match(event, ctx);
    if (!action) return undefined;
    const result = this.perform(action.id, ctx, { event });
    if (result) result.catch((error: unknown) => this.onError(error, action));
    return action;
  }

  /**
   * Runs the action for a page copy, cut or paste event with the event's
   * clipboard. Returns whether it ran, so the caller can preventDefault (the
   * browser's own copy would otherwise replace what was written); a disabled
   * one (copy with nothing selected) leaves the event to the browser.
   */
  handleClipboardEvent(kind: ClipboardEventKind, clipboard: ClipboardPort, ctx: ActionContext): Action | undefined {
    const action = this.all().find((candidate) => candidate.clipboardEvent === kind);
    if (!action || !this.isEnabled(action, ctx)) return undefined;
    const result = action.perform(ctx, { clipboard });
    if (result) result.catch((error: unknown) => this.onError(error, action));
    return action;
  }

  private require(id: string): Action {
    const action = this.actions.get(id);
    if (!action) throw new Error(`no action "${id}"`);
    return action;
  }
}

/** A registry holding every built-in action: tools, edit, text, clipboard, arrange, view, file, help. */
export function createDefaultActions(options: ActionRegistryOptions = {}): ActionRegistry {
  const registry = new ActionRegistry(options);
  const actions = [
    ...createToolActions(),
    ...createEditActions(),
    ...createTextActions(),
    ...createClipboardActions(),
    ...createArrangeActions(),
    ...createGroupActions(),
    ...createAlignActions(),
    ...createViewActions(),
    ...createFileActions(),
    ...createFrameActions(),
    ...createImageActions(),
    ...createHelpActions(),
  ];
  for (const action of actions) registry.register(action);
  return registry;
}

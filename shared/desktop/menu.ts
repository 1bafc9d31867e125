/**
 * The native menu is built from the renderer's actions registry: the renderer
 * sends a flat list of items (what each action is called, its shortcut,
 * whether it can run now), the main process lays them out under File, Edit,
 * View, Board and Help, and sends back the id of the item chosen.
 */
import { z } from 'zod';

/** Where an item goes: the registry's groups, plus Help. Tools and arrange share the Board menu. */
export const MENU_GROUPS = ['file', 'edit', 'view', 'tools', 'arrange', 'help'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** `group.name`, as the registry spells action ids ('edit.undo', 'view.zoomIn'). */
export const ACTION_ID_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}\.[A-Za-z0-9_-]{1,64}$/;
export const MAX_MENU_ITEMS = 300;
export const MAX_MENU_LABEL_LENGTH = 100;

const MODIFIERS = 'CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta';
const KEYS =
  '[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Plus|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|' +
  "Home|End|PageUp|PageDown|Escape|Esc|[\\[\\]\\-=,./;'`\\\\]";
/** Electron's accelerator syntax (https://www.electronjs.org/docs/latest/api/accelerator), modifiers then one key. */
export const ACCELERATOR_PATTERN = new RegExp(`^(?:(?:${MODIFIERS})\\+){0,4}(?:${KEYS})$`);

export const actionIdSchema = z.string().regex(ACTION_ID_PATTERN, 'an action id looks like "group.name"');

export const menuItemSchema = z.strictObject({
  id: actionIdSchema,
  label: z.string().min(1).max(MAX_MENU_LABEL_LENGTH),
  accelerator: z.string().regex(ACCELERATOR_PATTERN, 'not an Electron accelerator').optional(),
  enabled: z.boolean(),
  /** Present for toggles: whether the item shows a tick. */
  checked: z.boolean().optional(),
  group: z.enum(MENU_GROUPS),
});
export type MenuItem = z.infer<typeof menuItemSchema>;

export const menuTemplateSchema = z
  .array(menuItemSchema)
  .max(MAX_MENU_ITEMS)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'menu item ids must be unique');
export type MenuTemplate = z.infer<typeof menuTemplateSchema>;

/**
 * Board actions whose Edit menu items are Electron's roles, so they work in
 * text fields too: the roles make the page fire copy, cut and paste events,
 * which the board handles when no text has them.
 */
export const CLIPBOARD_ROLE_ACTIONS = { 'edit.cut': 'cut', 'edit.copy': 'copy', 'edit.paste': 'paste' } as const;

/**
 * Board actions that are also text editing commands. Their menu items stay
 * enabled (the board may have nothing to undo while a text field has) and the
 * page decides: the command in a focused text field, the action otherwise.
 * Without a board (Home, the join screen) they are Electron's roles.
 */
export const TEXT_EDITING_ACTIONS = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.selectAll': 'selectAll',
} as const;

export const menuActionSchema = z.strictObject({ id: actionIdSchema });
export type MenuActionEvent = z.infer<typeof menuActionSchema>;

/** A registry shortcut, as `renderer/actions` describes it (`mod` is Cmd on macOS, Ctrl elsewhere). */
export interface ShortcutLike {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

const NAMED_KEYS: Readonly<Record<string, string>> = {
  '+': 'Plus',
  ' ': 'Space',
  arrowup: 'Up',
  arrowdown: 'Down',
  arrowleft: 'Left',
  arrowright: 'Right',
  escape: 'Esc',
  enter: 'Enter',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
};

/**
 * The accelerator Electron shows and matches for a registry shortcut, or
 * undefined for a key it has no name for (the item is then shown without one).
 */
export function acceleratorFor(shortcut: ShortcutLike): string | undefined {
  const key = acceleratorKey(shortcut.key);
  if (key === undefined) return undefined;
  const parts = [shortcut.mod && 'CmdOrCtrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key];
  const accelerator = parts.filter((part): part is string => typeof part === 'string').join('+');
  return ACCELERATOR_PATTERN.test(accelerator) ? accelerator : undefined;
}

function acceleratorKey(key: string): string | undefined {
  const named = NAMED_KEYS[key.toLowerCase()];
  if (named !== undefined) return named;
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) return key.toUpperCase();
  if (/^[[\]\-=,./;'`\\]$/.test(key)) return key;
  return undefined;
}

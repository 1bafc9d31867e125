/**
 * The native menu's items from the actions registry (docs/ARCHITECTURE.md#menus): the same
 * labels, the same shortcut (as an Electron accelerator) and the same
 * enabled and checked states the toolbar and keyboard use. The main process
 * lays them out under File, Edit, View, Board and Help
 * (electron/main/menu/application-menu.ts).
 */
import { acceleratorFor, MAX_MENU_ITEMS, MAX_MENU_LABEL_LENGTH, type MenuTemplate } from '../../../shared/desktop/menu';
import type { ActionContext, ActionRegistry } from '../../actions';
import { appliesTo } from '../../actions/keys';

export function menuTemplateFor(registry: ActionRegistry, ctx: ActionContext): MenuTemplate {
  return registry
    .all()
    .slice(0, MAX_MENU_ITEMS)
    .map((action) => {
      const shortcut = action.shortcuts.find((candidate) => appliesTo(candidate, ctx.isMac));
      const accelerator = shortcut && acceleratorFor(shortcut);
      const checked = action.checked?.(ctx);
      return {
        id: action.id,
        label: action.label.slice(0, MAX_MENU_LABEL_LENGTH),
        ...(accelerator !== undefined && { accelerator }),
        enabled: registry.isEnabled(action, ctx),
        ...(checked !== undefined && { checked }),
        group: action.group,
      };
    });
}

/**
 * One action per tool, so the toolbar, its tooltips and the single-letter
 * keys come from one list, and the tool lock. Switching tools always works
 * (never disabled); `checked` tells the toolbar which button is pressed.
 */
import type { ToolId } from '../state/ui-store';
import type { Action, ActionContext, ActionInput, Shortcut } from './action';

const TOOLS: readonly { tool: ToolId; label: string; shortcuts: readonly Shortcut[] }[] = [
  // Esc is here too: it leaves any tool and any inline edit for plain selecting (setTool ends the edit).
  { tool: 'select', label: 'Select', shortcuts: [{ key: 'v' }, { key: 'Escape' }] },
  { tool: 'hand', label: 'Hand', shortcuts: [{ key: 'h' }] },
  { tool: 'pen', label: 'Pen', shortcuts: [{ key: 'p' }] },
  { tool: 'rect', label: 'Rectangle', shortcuts: [{ key: 'r' }] },
  { tool: 'ellipse', label: 'Ellipse', shortcuts: [{ key: 'o' }] },
  { tool: 'line', label: 'Line', shortcuts: [{ key: 'l' }] },
  { tool: 'arrow', label: 'Arrow', shortcuts: [{ key: 'a' }] },
  { tool: 'text', label: 'Text', shortcuts: [{ key: 't' }] },
  { tool: 'note', label: 'Note', shortcuts: [{ key: 'n' }] },
  { tool: 'eraser', label: 'Eraser', shortcuts: [{ key: 'e' }] },
  { tool: 'frame', label: 'Frame', shortcuts: [{ key: 'f' }] },
  { tool: 'laser', label: 'Laser pointer', shortcuts: [{ key: 'k' }] },
];

export function toolActionId(tool: ToolId): string {
  return `tools.${tool}`;
}

/**
 * Esc leaves an inline edit or a drawing tool for select, keeping the
 * selection; with select already active (and no edit) it clears the selection.
 */
function switchTo(tool: ToolId, ctx: ActionContext, input?: ActionInput): void {
  const ui = ctx.ui.getState();
  const escape = input?.event?.key === 'Escape';
  if (escape && tool === 'select' && ui.tool === 'select' && ui.editingId === null) ui.select([]);
  else ui.setTool(tool);
}

const toolLock: Action = {
  id: 'tools.lock',
  label: 'Lock tool (keep it after drawing)',
  group: 'tools',
  shortcuts: [{ key: 'q' }],
  checked: (ctx) => ctx.ui.getState().toolLocked,
  perform: (ctx) => ctx.ui.getState().toggleToolLock(),
};

export function createToolActions(): Action[] {
  const tools: Action[] = TOOLS.map(({ tool, label, shortcuts }) => ({
    id: toolActionId(tool),
    label,
    group: 'tools',
    shortcuts,
    checked: (ctx) => ctx.ui.getState().tool === tool,
    perform: (ctx, input) => switchTo(tool, ctx, input),
  }));
  return [...tools, toolLock];
}

/**
 * Owns one instance of every tool and routes input to the active one, which
 * it reads from the UI store on every event (the toolbar, shortcuts and tools
 * themselves all switch tools through the store). When the tool changes, the
 * old one is cancelled, so a half-finished gesture never writes later.
 *
 * `subscribe` tells the interactive layer (and presence) to re-read
 * `preview()` after each event; tools do not push, they are asked.
 */
import { type ToolId, VIEWING_TOOLS } from '../state/ui-store';
import { BoxTool } from './box-tool';
import { GRID_SIZE } from './constants';
import { EraserTool } from './eraser-tool';
import { FrameTool } from './frame-tool';
import { LaserTool } from './laser-tool';
import { HandTool } from './hand-tool';
import { NoteTool } from './note-tool';
import { PenTool } from './pen-tool';
import { SegmentTool } from './segment-tool';
import { SelectTool } from './select/select-tool';
import { toGrid } from './select/snapping';
import { commitShapeText } from './text-commit';
import { TextTool } from './text-tool';
import type { KeyInput, PointerInput, Preview, Tool, ToolContext } from './tool';

/** The tools whose points snap to the grid: those that place a shape by its corners or ends. */
const GRID_SNAPPED_TOOLS: ReadonlySet<ToolId> = new Set(['rect', 'ellipse', 'line', 'arrow', 'text', 'note']);

export type ToolSet = { readonly [Id in ToolId]: Tool };

/** One line per tool: adding a tool is a class and an entry here. */
export function createTools(ctx: ToolContext): ToolSet {
  return {
    select: new SelectTool(ctx),
    hand: new HandTool(ctx),
    pen: new PenTool(ctx),
    rect: new BoxTool(ctx, 'rect'),
    ellipse: new BoxTool(ctx, 'ellipse'),
    line: new SegmentTool(ctx, 'line'),
    arrow: new SegmentTool(ctx, 'arrow'),
    text: new TextTool(ctx),
    note: new NoteTool(ctx),
    eraser: new EraserTool(ctx),
    frame: new FrameTool(ctx),
    laser: new LaserTool(ctx),
  };
}

export class ToolController {
  readonly tools: ToolSet;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeUi: () => void;

  constructor(
    private readonly ctx: ToolContext,
    tools?: ToolSet,
  ) {
    this.tools = tools ?? createTools({ ...ctx, handOff: (tool, at) => this.handOff(tool, at) });
    this.unsubscribeUi = ctx.ui.subscribe((state, previous) => {
      if (state.tool === previous.tool) return;
      this.tools[previous.tool].cancel();
      this.notify();
    });
  }

  get active(): Tool {
    return this.tools[this.ctx.ui.getState().tool];
  }

  pointerDown(e: PointerInput): void {
    this.route((tool) => tool.pointerDown(this.onGrid(e)));
  }

  pointerMove(e: PointerInput): void {
    this.route((tool) => tool.pointerMove(this.onGrid(e)));
  }

  pointerUp(e: PointerInput): void {
    this.route((tool) => tool.pointerUp(this.onGrid(e)));
  }

  keyDown(e: KeyInput): void {
    this.route((tool) => tool.keyDown(e));
  }

  keyUp(e: KeyInput): void {
    this.route((tool) => tool.keyUp(e));
  }

  /** Esc, or the pointer was lost (pointercancel, window blur). */
  cancel(): void {
    this.route((tool) => tool.cancel());
  }

  /**
   * The inline editor is done with `text`. The active tool handles it when
   * it knows how (text, select); otherwise whatever shape is being edited
   * gets the text, so an edit never depends on which tool is active.
   */
  commitText(text: string): void {
    this.route((tool) => {
      if (tool.commitText) return tool.commitText(text);
      const { editingId, setEditing } = this.ctx.ui.getState();
      if (!editingId) return;
      commitShapeText(this.ctx.board, editingId, text);
      setEditing(null);
    });
  }

  preview(): Preview | null {
    return this.active.preview();
  }

  /** Called by a tool from inside its own handler: the caller's route() notifies afterwards. */
  private handOff(tool: ToolId, at: PointerInput): void {
    this.ctx.ui.getState().setTool(tool);
    this.tools[tool].pointerDown(at);
    this.tools[tool].pointerUp(at);
  }

  /** Called after every routed event and tool switch; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.unsubscribeUi();
    this.active.cancel();
    this.listeners.clear();
  }

  /** With snap to grid (and Alt up), a shape being created starts and ends on the grid's lines. */
  private onGrid(e: PointerInput): PointerInput {
    const { snapToGrid, tool } = this.ctx.ui.getState();
    if (!snapToGrid || e.altKey || !GRID_SNAPPED_TOOLS.has(tool)) return e;
    return { ...e, x: toGrid(e.x, GRID_SIZE), y: toGrid(e.y, GRID_SIZE) };
  }

  private route(handle: (tool: Tool) => void): void {
    const { tool, canEdit } = this.ctx.ui.getState();
    // A viewer's UI store never holds a drawing tool (setCanEdit), but input must not reach one regardless.
    if (!canEdit && !VIEWING_TOOLS.includes(tool)) return;
    try {
      handle(this.active);
    } finally {
      this.notify(); // a failed write still ended the gesture; the view must drop its preview
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

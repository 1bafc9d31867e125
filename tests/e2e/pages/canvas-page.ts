import type { Locator, Page } from '@playwright/test';
import type { BoardSnapshot, ShapeSummary, TEST_HOOK_GLOBAL } from '../../../renderer/app/test-hook';

/** A point relative to the canvas's top-left, in screen pixels. */
export type CanvasPoint = readonly [number, number];

export type ToolLabel =
  'Select' | 'Hand' | 'Pen' | 'Rectangle' | 'Ellipse' | 'Line' | 'Arrow' | 'Text' | 'Note' | 'Eraser' | 'Frame';

/** How a test picks a tool: its toolbar button, or its single-letter shortcut. */
export type ToolChoice = 'button' | 'key';

export type HandleName = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'rotate';

/** The shortcuts of renderer/actions/tool-actions.ts, as a person would press them. */
const TOOL_KEYS: Record<ToolLabel, string> = {
  Select: 'v',
  Hand: 'h',
  Pen: 'p',
  Rectangle: 'r',
  Ellipse: 'o',
  Line: 'l',
  Arrow: 'a',
  Text: 't',
  Note: 'n',
  Eraser: 'e',
  Frame: 'f',
};

/** Where each handle sits on the selection bounds, as in renderer/tools/select/handles.ts. */
const HANDLE_FRACTIONS: Record<Exclude<HandleName, 'rotate'>, [number, number]> = {
  nw: [0, 0],
  n: [0.5, 0],
  ne: [1, 0],
  e: [1, 0.5],
  se: [1, 1],
  s: [0.5, 1],
  sw: [0, 1],
  w: [0, 0.5],
};
/** ROTATE_HANDLE_OFFSET_PX in renderer/tools/constants.ts: the rotate handle's distance above the top edge. */
const ROTATE_HANDLE_OFFSET_PX = 24;

/** The global the app installs under `?e2e=1`; typed against the app's constant so the two cannot drift. */
const HOOK_GLOBAL: typeof TEST_HOOK_GLOBAL = '__easelTest';

/**
 * The drawing surface of a board: the toolbar and the canvas, driven with a
 * real mouse and keyboard. What is on the board is read back through the
 * app's read-only test hook (renderer/app/test-hook.ts), since the canvas is
 * pixels.
 */
export class CanvasPage {
  readonly canvas: Locator;
  /** The inline text editor over a text or note being edited. */
  readonly editor: Locator;
  /** The inline editor over the label of a rectangle, ellipse, line or arrow. */
  readonly labelEditor: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;

  constructor(private readonly page: Page) {
    this.canvas = page.getByTestId('board-canvas');
    this.editor = page.getByRole('textbox', { name: 'Edit text' });
    this.labelEditor = page.getByRole('textbox', { name: 'Edit label' });
    const toolbar = page.getByRole('toolbar', { name: 'Tools' });
    this.undoButton = toolbar.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = toolbar.getByRole('button', { name: 'Redo', exact: true });
  }

  tool(label: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: label, exact: true });
  }

  /** The tooltip of a toolbar button (shown while it is hovered or focused): its label, then its shortcut. */
  tooltip(label: string): Locator {
    return this.tool(label).getByRole('tooltip');
  }

  /** Picks a tool by its button or its shortcut and waits until the toolbar shows it active. */
  async chooseTool(label: ToolLabel, via: ToolChoice = 'button'): Promise<void> {
    if (via === 'button') await this.tool(label).click();
    else await this.page.keyboard.press(TOOL_KEYS[label]);
    await this.tool(label).and(this.page.locator('[aria-pressed="true"]')).waitFor();
  }

  /** The number of shapes the canvas reads from the doc, as a string for toHaveAttribute. */
  async shapeCount(): Promise<string | null> {
    return this.canvas.getAttribute('data-shape-count');
  }

  /** Resolves once the board's session is up and the test hook answers. */
  async ready(): Promise<void> {
    await this.page.waitForFunction((name) => name in window, HOOK_GLOBAL);
  }

  /** What is on the board and selected now (see BoardSnapshot). */
  async snapshot(): Promise<BoardSnapshot> {
    return this.page.evaluate((name) => {
      const hook = window[name];
      if (!hook) throw new Error('the e2e test hook is not installed: open the board with ?e2e=1');
      return hook.snapshot();
    }, HOOK_GLOBAL);
  }

  /** Every shape, bottom to top. */
  async shapes(): Promise<ShapeSummary[]> {
    return (await this.snapshot()).shapes;
  }

  async shapeTypes(): Promise<string[]> {
    return (await this.shapes()).map((shape) => shape.type);
  }

  async selection(): Promise<string[]> {
    return (await this.snapshot()).selection;
  }

  /** The shape with `id`; throws when it is not on the board. */
  async shape(id: string): Promise<ShapeSummary> {
    const found = (await this.shapes()).find((shape) => shape.id === id);
    if (!found) throw new Error(`no shape ${id} on the board`);
    return found;
  }

  /** The shapes' ids, bottom to top. */
  async order(): Promise<string[]> {
    return (await this.shapes()).map((shape) => shape.id);
  }

  /** Page coordinates of a point given relative to the canvas's top-left. */
  private async at(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return { x: box.x + x, y: box.y + y };
  }

  /** Where a board point is on the canvas now, through the viewport (screen = (board - viewport) * zoom). */
  async toCanvas(boardX: number, boardY: number): Promise<CanvasPoint> {
    const { viewport } = await this.snapshot();
    return [(boardX - viewport.x) * viewport.zoom, (boardY - viewport.y) * viewport.zoom];
  }

  /** Where a handle of the current selection is on the canvas. */
  async handle(name: HandleName): Promise<CanvasPoint> {
    const { selectionBounds: bounds, viewport } = await this.snapshot();
    if (!bounds) throw new Error('nothing is selected, so there are no handles');
    const width = bounds.maxX - bounds.minX;
    const height = bounds.maxY - bounds.minY;
    if (name === 'rotate') {
      const [x, y] = await this.toCanvas(bounds.minX + width / 2, bounds.minY);
      return [x, y - ROTATE_HANDLE_OFFSET_PX];
    }
    const [fx, fy] = HANDLE_FRACTIONS[name];
    const board = { x: bounds.minX + width * fx, y: bounds.minY + height * fy };
    return [(board.x - viewport.x) * viewport.zoom, (board.y - viewport.y) * viewport.zoom];
  }

  /** Grabs a handle of the selection and drags it by (dx, dy) screen pixels. */
  async dragHandle(name: HandleName, by: CanvasPoint): Promise<void> {
    const [x, y] = await this.handle(name);
    await this.drag([x, y], [x + by[0], y + by[1]]);
  }

  /** Grabs the rotate handle and drags it to `to`. */
  async dragRotateHandleTo(to: CanvasPoint): Promise<void> {
    await this.drag(await this.handle('rotate'), to);
  }

  /** Presses at `from`, moves through `steps` intermediate points to `to`, releases. */
  async drag(from: CanvasPoint, to: CanvasPoint, steps = 8): Promise<void> {
    const start = await this.at(...from);
    const end = await this.at(...to);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x, end.y, { steps });
    await this.page.mouse.up();
  }

  /** A freehand stroke through `points` (canvas-relative). */
  async stroke(points: readonly CanvasPoint[]): Promise<void> {
    const [first, ...rest] = points;
    if (!first) return;
    const start = await this.at(...first);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (const point of rest) {
      const p = await this.at(...point);
      await this.page.mouse.move(p.x, p.y, { steps: 3 });
    }
    await this.page.mouse.up();
  }

  /** A click; with `shift`, Shift is held as a person would hold it (the key goes down first). */
  async click(point: CanvasPoint, options: { shift?: boolean } = {}): Promise<void> {
    const p = await this.at(...point);
    if (options.shift) await this.page.keyboard.down('Shift');
    await this.page.mouse.click(p.x, p.y);
    if (options.shift) await this.page.keyboard.up('Shift');
  }

  async doubleClick(point: CanvasPoint): Promise<void> {
    const p = await this.at(...point);
    await this.page.mouse.dblclick(p.x, p.y);
  }

  /** Moves the pointer over the canvas without pressing (paste lands where the pointer is). */
  async hover(point: CanvasPoint): Promise<void> {
    const p = await this.at(...point);
    await this.page.mouse.move(p.x, p.y, { steps: 2 });
  }

  async drawRectangle(from: CanvasPoint, to: CanvasPoint, via: ToolChoice = 'button'): Promise<void> {
    await this.chooseTool('Rectangle', via);
    await this.drag(from, to);
  }

  /** Picks the tool, clicks at `at`, types `text` into the editor that opens, and clicks `commitAt` to commit. */
  async writeText(
    label: 'Text' | 'Note',
    at: CanvasPoint,
    text: string,
    commitAt: CanvasPoint,
    via: ToolChoice = 'button',
  ): Promise<void> {
    await this.chooseTool(label, via);
    await this.click(at);
    await this.editor.waitFor();
    await this.page.keyboard.type(text);
    await this.click(commitAt);
    await this.editor.waitFor({ state: 'detached' });
  }
}

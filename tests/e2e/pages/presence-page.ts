import type { Locator, Page } from '@playwright/test';
import type { CanvasPoint } from './canvas-page';

/** The page's getComputedStyle, typed by hand: tests are also type-checked without the DOM lib. */
type StyleWindow = { getComputedStyle(element: unknown): { visibility: string; backgroundColor: string } };

/** A screen rectangle relative to the canvas's top-left, in CSS pixels. */
export interface CanvasRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An sRGB colour as the canvas stores it. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Live collaboration as one person sees it: other people's cursors over the
 * canvas, the participants list (click to follow), the follow banners, and
 * my own name. Remote selections and gestures are Konva pixels, so they are
 * read back from the canvases themselves.
 */
export class PresencePage {
  readonly cursors: Locator;
  readonly participants: Locator;
  /** "Following Bob — Esc to stop", shown while I follow someone. */
  readonly followingBanner: Locator;
  /** "Ann is following you". */
  readonly followers: Locator;
  private readonly canvas: Locator;

  constructor(private readonly page: Page) {
    this.canvas = page.getByTestId('board-canvas');
    this.cursors = page.getByTestId('remote-cursor');
    this.participants = page.getByTestId('participant');
    this.followingBanner = page.getByTestId('following-banner');
    this.followers = page.getByTestId('followers');
  }

  cursor(name: string): Locator {
    return this.page.locator(`[data-testid="remote-cursor"][data-name="${cssString(name)}"]`);
  }

  participant(name: string): Locator {
    return this.page.locator(`[data-testid="participant"][data-name="${cssString(name)}"]`);
  }

  /** Everyone else's names as the participants list shows them. */
  async participantNames(): Promise<string[]> {
    return this.participants.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-name') ?? ''));
  }

  /**
   * Where `name`'s cursor tip is drawn, relative to the canvas's top-left, in
   * screen pixels; null while it is not shown. The element's top-left is the
   * tip (RemoteCursors places it with a transform).
   */
  async cursorPosition(name: string): Promise<CanvasPoint | null> {
    const cursor = this.cursor(name);
    if ((await cursor.count()) === 0) return null;
    const [box, canvas] = await Promise.all([cursor.boundingBox(), this.canvas.boundingBox()]);
    if (!box || !canvas) return null;
    const visible = await cursor.evaluate(
      (el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).visibility === 'visible',
    );
    return visible ? [box.x - canvas.x, box.y - canvas.y] : null;
  }

  /** The colour people see `name` in: their avatar in the participants list. */
  async colorOf(name: string): Promise<Rgb> {
    const background = await this.participant(name)
      .locator('span')
      .first()
      .evaluate((el) => (globalThis as unknown as StyleWindow).getComputedStyle(el).backgroundColor);
    const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(background);
    if (!match) throw new Error(`no colour on ${name}'s avatar: ${background}`);
    return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]) };
  }

  /** Follows (or stops following) someone by clicking them in the participants list. */
  async clickParticipant(name: string): Promise<void> {
    await this.participant(name).click();
  }

  /** Renames me through my own entry in the participants list. */
  async rename(name: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Your name: / }).click();
    const field = this.page.getByRole('textbox', { name: 'Your name' });
    await field.fill(name);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await field.waitFor({ state: 'detached' });
  }

  /** Presses the mouse at a canvas point and keeps it down, so others see the gesture in progress. */
  async press(at: CanvasPoint): Promise<void> {
    const [x, y] = await this.onPage(at);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
  }

  /** Moves the (possibly pressed) mouse to a canvas point through `steps` moves. */
  async moveTo(to: CanvasPoint, steps = 6): Promise<void> {
    const [x, y] = await this.onPage(to);
    await this.page.mouse.move(x, y, { steps });
  }

  async release(): Promise<void> {
    await this.page.mouse.up();
  }

  /**
   * Turns the wheel over a canvas point: a pan, or with `zoom` a Ctrl+wheel zoom around that point.
   * `notches` repeats the turn (one Ctrl+wheel notch zooms at most ~10 %).
   */
  async wheel(
    at: CanvasPoint,
    delta: { x?: number; y?: number },
    options: { zoom?: boolean; notches?: number } = {},
  ): Promise<void> {
    await this.moveTo(at, 1);
    if (options.zoom) await this.page.keyboard.down('Control');
    for (let notch = 0; notch < (options.notches ?? 1); notch++) {
      await this.page.mouse.wheel(delta.x ?? 0, delta.y ?? 0);
    }
    if (options.zoom) await this.page.keyboard.up('Control');
  }

  private async onPage([x, y]: CanvasPoint): Promise<[number, number]> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return [box.x + x, box.y + y];
  }

  /** My name as my own entry in the participants list shows it. */
  async myName(): Promise<string> {
    const label = await this.page.getByRole('button', { name: /^Your name: / }).innerText();
    return label.trim();
  }

  /**
   * How many pixels in `area` (canvas-relative CSS px) of all the board's
   * canvases together are within `tolerance` of `color` per channel, counting
   * only opaque-enough ones (alpha ≥ 128), so antialiased edges and
   * translucent drafts do not blur the count.
   */
  async pixelsOfColor(area: CanvasRect, color: Rgb, tolerance = 40): Promise<number> {
    return this.page.evaluate(countCanvasPixels, { area, color, tolerance });
  }

  /** How many pixels in `area` of the board's canvases are painted at all. */
  async paintedPixels(area: CanvasRect): Promise<number> {
    return this.page.evaluate(countCanvasPixels, { area, color: null, tolerance: 0 });
  }
}

/** The few DOM types the page-side counter uses, typed by hand: tests are also type-checked without the DOM lib. */
interface PageCanvas {
  width: number;
  height: number;
  clientWidth: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/**
 * Runs in the page: counts the pixels of `area` over every Konva canvas that
 * are painted (alpha ≥ 128) and, given a colour, within `tolerance` of it.
 */
function countCanvasPixels(input: { area: CanvasRect; color: Rgb | null; tolerance: number }): number {
  const { area, color, tolerance } = input;
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<PageCanvas> } })
    .document;
  let count = 0;
  for (const canvas of doc.querySelectorAll('.konvajs-content canvas')) {
    const ratio = canvas.width / canvas.clientWidth || 1;
    const ctx = canvas.getContext('2d');
    const x = Math.max(0, Math.floor(area.x * ratio));
    const y = Math.max(0, Math.floor(area.y * ratio));
    const w = Math.min(canvas.width - x, Math.ceil(area.width * ratio));
    const h = Math.min(canvas.height - y, Math.ceil(area.height * ratio));
    if (!ctx || w <= 0 || h <= 0) continue;
    const { data } = ctx.getImageData(x, y, w, h);
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 128) continue;
      if (
        color === null ||
        (Math.abs(data[i]! - color.r) <= tolerance &&
          Math.abs(data[i + 1]! - color.g) <= tolerance &&
          Math.abs(data[i + 2]! - color.b) <= tolerance)
      )
        count++;
    }
  }
  return count;
}

/** A name as a CSS attribute-selector string (names may hold quotes and backslashes). */
function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

import type { CDPSession, Locator, Page } from '@playwright/test';
import type { CanvasPoint } from './canvas-page';

/**
 * Fingers and a pen on the canvas, sent as the browser gets them from a
 * touch screen and a stylus: CDP's Input.dispatchTouchEvent (each call one
 * event for every finger down) and Input.dispatchMouseEvent with
 * pointerType "pen". Points are canvas-relative, like CanvasPage's.
 */
export class Touch {
  private cdp: CDPSession | null = null;

  constructor(
    private readonly page: Page,
    private readonly canvas: Locator,
  ) {}

  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  private async toPage(points: readonly CanvasPoint[]): Promise<{ x: number; y: number; id: number }[]> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    return points.map(([x, y], id) => ({ x: box.x + x, y: box.y + y, id }));
  }

  /** Fingers go down at `from` (one point per finger), move in `steps` to `to`, and lift. */
  async gesture(from: readonly CanvasPoint[], to: readonly CanvasPoint[], steps = 8): Promise<void> {
    const cdp = await this.session();
    const start = await this.toPage(from);
    const end = await this.toPage(to);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: start });
    for (let step = 1; step <= steps; step++) {
      const t = step / steps;
      const touchPoints = start.map((p, i) => {
        const q = end[i] ?? p;
        return { id: p.id, x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
      });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  /** One finger held still at `at` for `ms`, then lifted (after `beforeLift`, e.g. a check that a menu opened). */
  async longPress(at: CanvasPoint, ms: number, beforeLift?: () => Promise<void>): Promise<void> {
    const cdp = await this.session();
    const [point] = await this.toPage([at]);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point!] });
    await this.page.waitForTimeout(ms);
    await beforeLift?.();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  /** A stylus stroke through `points`. */
  async penStroke(points: readonly CanvasPoint[]): Promise<void> {
    const cdp = await this.session();
    const pagePoints = await this.toPage(points);
    const send = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', p: { x: number; y: number }) =>
      cdp.send('Input.dispatchMouseEvent', {
        type,
        x: p.x,
        y: p.y,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force: 0.5,
      });
    const [first, ...rest] = pagePoints;
    if (!first) return;
    await send('mousePressed', first);
    for (const p of rest) await send('mouseMoved', p);
    await send('mouseReleased', pagePoints.at(-1) ?? first);
  }
}

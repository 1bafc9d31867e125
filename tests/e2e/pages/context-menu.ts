import type { Locator, Page } from '@playwright/test';
import type { CanvasPoint } from './canvas-page';

/** The board's right-click menu (renderer/ui/ContextMenu.tsx), found by its role as a screen reader would. */
export class ContextMenuPage {
  readonly menu: Locator;

  constructor(private readonly page: Page) {
    this.menu = page.getByRole('menu', { name: 'Board actions' });
  }

  /** Right-clicks the canvas at a canvas-relative point and waits for the menu. */
  async openAt([x, y]: CanvasPoint): Promise<void> {
    const box = await this.page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    await this.page.mouse.click(box.x + x, box.y + y, { button: 'right' });
    await this.menu.waitFor();
  }

  item(label: string): Locator {
    return this.menu.getByRole('menuitem', { name: label, exact: true });
  }

  /** A toggle ("Show grid", "Snap to grid"), which a screen reader announces ticked or not. */
  toggle(label: string): Locator {
    return this.menu.getByRole('menuitemcheckbox', { name: label, exact: true });
  }

  /** The items' labels, top to bottom, '—' for a separator. */
  async entries(): Promise<string[]> {
    return this.menu
      .locator('[role="menuitem"], [role="separator"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? '—'));
  }
}

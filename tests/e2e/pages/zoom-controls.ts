import type { Locator, Page } from '@playwright/test';

/** The zoom widget at the canvas's bottom-left (renderer/ui/ZoomControls.tsx): −, the percentage, +. */
export class ZoomControls {
  readonly group: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  /** Shows the zoom ("100%"); a click goes back to 100 %. */
  readonly level: Locator;

  constructor(private readonly page: Page) {
    this.group = page.getByRole('group', { name: 'Zoom' });
    this.zoomIn = this.group.getByRole('button', { name: 'Zoom in', exact: true });
    this.zoomOut = this.group.getByRole('button', { name: 'Zoom out', exact: true });
    this.level = this.group.getByTestId('zoom-level');
  }

  /** One Ctrl+wheel notch (Chromium reports a mouse notch as 100 px) at a page point; negative `deltaY` zooms in. */
  async ctrlWheel(at: { x: number; y: number }, deltaY: number): Promise<void> {
    await this.page.mouse.move(at.x, at.y);
    await this.page.keyboard.down('Control');
    await this.page.mouse.wheel(0, deltaY);
    await this.page.keyboard.up('Control');
  }
}

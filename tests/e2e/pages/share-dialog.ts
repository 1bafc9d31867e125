import type { Locator, Page } from '@playwright/test';

/** The desktop app's "Share" control in the board header and the dialog it opens. */
export class ShareDialog {
  readonly openButton: Locator;
  /** "Sharing · 2 guests" in the header. */
  readonly indicator: Locator;
  readonly dialog: Locator;
  readonly portField: Locator;
  readonly startButton: Locator;
  readonly stopButton: Locator;
  readonly closeButton: Locator;
  readonly guests: Locator;
  readonly port: Locator;
  readonly error: Locator;
  readonly portInUse: Locator;
  readonly stopped: Locator;
  readonly noWebClient: Locator;
  readonly advertised: Locator;
  /** Before sharing on Windows: the firewall prompt to expect. */
  readonly firewall: Locator;
  readonly addresses: Locator;
  readonly qr: Locator;
  readonly qrLink: Locator;

  constructor(private readonly page: Page) {
    this.openButton = page.getByTestId('share-open');
    this.indicator = page.getByTestId('share-indicator');
    this.dialog = page.getByRole('dialog', { name: 'Share on LAN' });
    this.portField = this.dialog.getByLabel(/^Port/);
    this.startButton = this.dialog.getByRole('button', { name: 'Share on LAN' });
    this.stopButton = this.dialog.getByRole('button', { name: 'Stop sharing' });
    this.closeButton = this.dialog.getByRole('button', { name: 'Close' });
    this.guests = this.dialog.getByTestId('share-guests');
    this.port = this.dialog.getByTestId('share-port-value');
    this.error = this.dialog.getByTestId('share-error');
    this.portInUse = this.dialog.getByTestId('share-port-in-use');
    this.stopped = this.dialog.getByTestId('share-stopped');
    this.noWebClient = this.dialog.getByTestId('share-no-web-client');
    this.advertised = this.dialog.getByTestId('share-advertised');
    this.firewall = this.dialog.getByTestId('share-firewall');
    this.addresses = this.dialog.getByTestId('share-address');
    this.qr = this.dialog.getByTestId('share-qr');
    this.qrLink = this.dialog.getByTestId('share-qr-link');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await this.dialog.waitFor();
  }

  /**
   * Sharing restarts the relay on all interfaces; a page that does not follow
   * relay moves itself is loaded again at the new address, which closes the
   * dialog. Either way, this returns with the dialog open and sharing shown.
   */
  async start(port?: number): Promise<void> {
    if (port !== undefined) await this.portField.fill(String(port));
    await this.startButton.click();
    await this.indicator.waitFor();
    if (!(await this.dialog.isVisible())) await this.open();
    await this.guests.waitFor();
  }

  address(ip: string): Locator {
    return this.dialog.locator(`[data-testid="share-address"][data-address="${ip}"]`);
  }

  joinUrl(ip: string): Locator {
    return this.address(ip).getByTestId('share-join-url');
  }

  easelUrl(ip: string): Locator {
    return this.address(ip).getByTestId('share-easel-url');
  }

  copyButtonFor(link: string): Locator {
    return this.dialog.getByRole('button', { name: new RegExp(`^Copy .* ${escapeRegExp(link)}$`) });
  }

  /** The QR code's drawn modules: the `d` of its path and the side of its viewBox. */
  async qrDrawing(): Promise<{ path: string; size: number }> {
    const path = await this.qr.locator('path').getAttribute('d');
    const viewBox = await this.qr.getAttribute('viewBox');
    const size = Number(viewBox?.split(' ')[2]);
    if (!path || !Number.isInteger(size)) throw new Error(`no QR drawing (viewBox ${viewBox})`);
    return { path, size };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

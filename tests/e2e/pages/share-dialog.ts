import type { Locator, Page } from '@playwright/test';

export type LinkRole = 'editor' | 'viewer';

/**
 * The desktop app's "Share" control in the board header and the dialog it
 * opens: while sharing, the Edit and View links, the people on the board
 * with Remove, Lock board and the join log.
 */
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
  readonly people: Locator;
  readonly lockButton: Locator;
  readonly unlockButton: Locator;
  readonly lockState: Locator;
  readonly joinLog: Locator;
  readonly joinEntries: Locator;
  readonly removed: Locator;

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
    this.people = this.dialog.getByTestId('share-person');
    this.lockButton = this.dialog.getByRole('button', { name: 'Lock board' });
    this.unlockButton = this.dialog.getByRole('button', { name: 'Unlock board' });
    this.lockState = this.dialog.getByTestId('share-lock-state');
    this.joinLog = this.dialog.getByTestId('share-join-log');
    this.joinEntries = this.joinLog.getByTestId('share-join-entry');
    this.removed = this.dialog.getByTestId('share-removed');
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

  /** The links shown for this network address (the likeliest one is shown first). */
  address(ip: string): Locator {
    return this.dialog.locator(`[data-testid="share-address"][data-address="${ip}"]`);
  }

  /** The Edit link's or the View link's block. */
  link(role: LinkRole, ip: string): Locator {
    return this.address(ip).getByTestId(role === 'editor' ? 'share-edit-link' : 'share-view-link');
  }

  /** The browser link (`http://…/b/<board>?t=<pass token>`) of the Edit or View link. */
  joinUrl(ip: string, role: LinkRole = 'editor'): Locator {
    return this.link(role, ip).getByTestId('share-join-url');
  }

  easelUrl(ip: string, role: LinkRole = 'editor'): Locator {
    return this.link(role, ip).getByTestId('share-easel-url');
  }

  /** The browser link once the dialog has made it. */
  async linkText(ip: string, role: LinkRole): Promise<string> {
    const link = this.joinUrl(ip, role);
    await link.waitFor();
    return (await link.textContent()) ?? '';
  }

  person(name: string): Locator {
    return this.dialog.locator(`[data-testid="share-person"][data-name="${name}"]`);
  }

  removeButton(name: string): Locator {
    return this.dialog.getByRole('button', { name: `Remove ${name}`, exact: true });
  }

  /** The join log's rows, opened: `[name, with, from, joined, left]` each. */
  async joinLogRows(): Promise<string[][]> {
    if ((await this.joinLog.getAttribute('open')) === null) await this.joinLog.locator('summary').click();
    const rows = await this.joinEntries.all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map((cell) => cell.trim())));
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

import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';

export type FileCommand =
  | 'Export PNG'
  | 'Export PNG (dark)'
  | 'Export SVG'
  | 'Export PDF'
  | 'Export PDF of frames'
  | 'Save board file'
  | 'Save board file as…'
  | 'Open board file'
  | 'Insert image…';

/** A file the test hands to the open dialog. */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The board's File menu in its header, and the banner that reports what went wrong. */
export class FileMenu {
  readonly menuButton: Locator;
  readonly menu: Locator;
  /** The error banner (role="alert"). */
  readonly alert: Locator;
  readonly dismissButton: Locator;

  constructor(private readonly page: Page) {
    this.menuButton = page.getByRole('button', { name: 'File', exact: true });
    this.menu = page.getByRole('menu', { name: 'File' });
    // The banner with a Dismiss button: other alerts (a board replaced on the relay) may show beside it.
    this.alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
    this.dismissButton = this.alert.getByRole('button', { name: 'Dismiss' });
  }

  /** A command in the open menu. */
  item(command: FileCommand): Locator {
    return this.menu.getByRole('menuitem', { name: command, exact: true });
  }

  async openMenu(): Promise<void> {
    await this.menuButton.click();
    await this.menu.waitFor();
  }

  /** Picks a command from the menu. */
  async choose(command: FileCommand): Promise<void> {
    await this.openMenu();
    await this.item(command).click();
  }

  /** Runs a command that writes a file, from the menu or by `keys`, and returns the download with its bytes. */
  async download(
    command: Exclude<FileCommand, 'Open board file' | 'Insert image…'>,
    keys?: string,
  ): Promise<SavedDownload> {
    const downloaded = this.page.waitForEvent('download');
    if (keys) await this.page.keyboard.press(keys);
    else await this.choose(command);
    const download = await downloaded;
    const path = await download.path();
    return { download, name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** Opens `file` through the open dialog, from the menu or by `keys`. */
  async open(file: PickedFile | string, keys?: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    if (keys) {
      // Listening turns on the browser's file-chooser interception without waiting for a reply; a key
      // press is one round trip and can overtake it (the picker then opens unseen, about 1 run in 10).
      // A round trip through the same page session first lets the interception land.
      await this.page.evaluate(() => undefined);
      await this.page.keyboard.press(keys);
    } else await this.choose('Open board file');
    await (await chooser).setFiles(file);
  }
}

export interface SavedDownload {
  download: Download;
  name: string;
  bytes: Buffer;
}

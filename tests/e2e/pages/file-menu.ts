import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';

export type FileCommand = 'Export PNG' | 'Export SVG' | 'Save board file' | 'Open board file';

/** A file the test hands to the open dialog. */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The board's File commands in its header, and the banner that reports what went wrong. */
export class FileMenu {
  readonly group: Locator;
  /** The error banner (role="alert"). */
  readonly alert: Locator;
  readonly dismissButton: Locator;

  constructor(private readonly page: Page) {
    this.group = page.getByRole('group', { name: 'File' });
    this.alert = page.getByRole('alert');
    this.dismissButton = this.alert.getByRole('button', { name: 'Dismiss' });
  }

  button(command: FileCommand): Locator {
    return this.group.getByRole('button', { name: command, exact: true });
  }

  /** Runs a command that writes a file, by its button or by `keys`, and returns the download with its bytes. */
  async download(command: Exclude<FileCommand, 'Open board file'>, keys?: string): Promise<SavedDownload> {
    const downloaded = this.page.waitForEvent('download');
    if (keys) await this.page.keyboard.press(keys);
    else await this.button(command).click();
    const download = await downloaded;
    const path = await download.path();
    return { download, name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** Opens `file` through the open dialog, by the button or by `keys`. */
  async open(file: PickedFile | string, keys?: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    if (keys) await this.page.keyboard.press(keys);
    else await this.button('Open board file').click();
    await (await chooser).setFiles(file);
  }
}

export interface SavedDownload {
  download: Download;
  name: string;
  bytes: Buffer;
}

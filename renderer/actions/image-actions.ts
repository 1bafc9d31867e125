/**
 * File › Insert image… (docs/ARCHITECTURE.md#images): the host's open dialog for an image (a
 * native dialog in the desktop app, reading at most 25 MiB in the main process; a file input in
 * a browser), added at the centre of the view through the board's images (ActionContext.images),
 * which upload it before its shape is written. Paste and drop go to the same place.
 */
import { type EmbeddedFile, type Shape, toBase64 } from '../../shared/model';
import type { Action, ActionContext } from './action';

/** What the open dialog offers: the image types a board takes (SVG is rasterised). */
export const IMAGE_ACCEPT = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;

const insertImage: Action = {
  id: 'file.insertImage',
  label: 'Insert image…',
  group: 'file',
  shortcuts: [],
  enabled: (ctx) => ctx.images !== undefined,
  async perform(ctx) {
    const images = ctx.images;
    if (!images) return;
    const file = await ctx.files.openFile({ accept: IMAGE_ACCEPT });
    if (file) await images.insert([{ name: file.name, bytes: file.bytes }]);
  },
};

export function createImageActions(): Action[] {
  return [insertImage];
}

/** The files of the image shapes among `shapes` (from this device or the relay), for exports and `.easel` files. */
export async function imageFilesOf(ctx: ActionContext, shapes: readonly Shape[]): Promise<EmbeddedFile[]> {
  const images = shapes.flatMap((shape) => (shape.type === 'image' ? [shape] : []));
  if (images.length === 0 || !ctx.images) return [];
  return ctx.images.filesFor(images);
}

/** Each file as a data URL, by SHA-256: what a standalone SVG embeds. */
export function dataUrls(files: readonly EmbeddedFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.sha256, `data:${file.mime};base64,${toBase64(file.bytes)}`]));
}

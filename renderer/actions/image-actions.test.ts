import { describe, expect, it } from 'vitest';
import type { EmbeddedFile, ImageMimeType } from '../../shared/model';
import type { PendingShape } from '../images/image-files';
import type { ImageInput, ImagePort } from '../images/board-images';
import type { Point } from './action';
import { createDefaultActions } from './registry';
import { decodeBoardFile, encodeBoardFile } from '../../shared/model';
import { exampleShape } from '../../shared/model/shapes/examples';
import { createTestContext } from './test-context';

const registry = createDefaultActions();

/** The board's images as the actions see them: what they were asked to add, and files it holds. */
export function imagesStandIn(held: readonly EmbeddedFile[] = []) {
  const inserted: { names: string[]; at?: Point }[] = [];
  const placed: { shapes: PendingShape[]; files: EmbeddedFile[] }[] = [];
  const images: ImagePort = {
    async insert(inputs: readonly ImageInput[], at?: Point) {
      inserted.push({ names: inputs.map((input) => input.name), ...(at && { at }) });
    },
    async insertPlaced(shapes: readonly PendingShape[], files: readonly EmbeddedFile[]) {
      placed.push({ shapes: [...shapes], files: [...files] });
    },
    async filesFor(wanted: readonly { sha256: string; mime: ImageMimeType }[]) {
      return held.filter((file) => wanted.some((each) => each.sha256 === file.sha256));
    },
  };
  return { images, inserted, placed };
}

describe('Insert image…', () => {
  it('opens the host’s image dialog and adds the file at the view’s centre', async () => {
    const { images, inserted } = imagesStandIn();
    const ctx = createTestContext({ images });
    ctx.files.willOpen('photo.png', new Uint8Array([0x89, 0x50]));
    await registry.perform('file.insertImage', ctx);
    expect(ctx.files.openRequests).toEqual([
      { accept: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] },
    ]);
    expect(inserted).toEqual([{ names: ['photo.png'] }]);
  });

  it('adds nothing when the dialog is cancelled', async () => {
    const { images, inserted } = imagesStandIn();
    const ctx = createTestContext({ images });
    ctx.files.willCancel();
    await registry.perform('file.insertImage', ctx);
    expect(inserted).toEqual([]);
  });

  it('is off until the board’s images are ready, and for a viewer', () => {
    expect(registry.isEnabled('file.insertImage', createTestContext())).toBe(false);
    const ctx = createTestContext({ images: imagesStandIn().images });
    expect(registry.isEnabled('file.insertImage', ctx)).toBe(true);
    ctx.ui.getState().setCanEdit(false);
    expect(registry.isEnabled('file.insertImage', ctx)).toBe(false);
  });
});

describe('images in exports and board files', () => {
  const image = exampleShape('image', { id: 'img', index: 'a1' });
  const file = { sha256: image.sha256, mime: 'image/png' as const, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };

  it('Save embeds each image’s file in the .easel file (version 2)', async () => {
    const ctx = createTestContext({ images: imagesStandIn([file]).images });
    ctx.board.create([image, exampleShape('rect', { id: 'r', index: 'a0' })]);
    await registry.perform('file.save', ctx);
    const saved = decodeBoardFile(String(ctx.files.saved[0]?.data));
    expect(saved.ok && saved.file.version).toBe(2);
    expect(saved.ok && saved.file.files).toEqual([file]);
  });

  it('Open hands the image shapes and their files to the board’s images; the rest is written at once', async () => {
    const { images, placed } = imagesStandIn();
    const ctx = createTestContext({ images });
    const text = encodeBoardFile([image, exampleShape('rect', { id: 'r', index: 'a0' })], {}, [file]);
    ctx.files.willOpen('with-image.easel', text);
    await registry.perform('file.open', ctx);
    expect(ctx.board.all().map((shape) => shape.type)).toEqual(['rect']);
    expect(placed).toHaveLength(1);
    expect(placed[0]?.files).toEqual([file]);
    expect(placed[0]?.shapes).toMatchObject([{ type: 'image', sha256: image.sha256, x: image.x, y: image.y }]);
    expect(placed[0]?.shapes[0]?.id).not.toBe(image.id);
  });

  it('SVG export embeds the file as a data URL; PNG export hands the files to the painter', async () => {
    const ctx = createTestContext({ images: imagesStandIn([file]).images });
    ctx.board.create(image);
    await registry.perform('file.exportSvg', ctx);
    expect(String(ctx.files.saved[0]?.data)).toContain('href="data:image/png;base64,iVBORw=="');
    await registry.perform('file.exportPng', ctx);
    expect(ctx.exporter.images).toEqual([[file]]);
  });
});

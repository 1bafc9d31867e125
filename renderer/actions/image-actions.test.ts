import { describe, expect, it } from 'vitest';
import type { ImageInput, ImagePort } from '../images/board-images';
import type { Point } from './action';
import { createDefaultActions } from './registry';
import { createTestContext } from './test-context';

const registry = createDefaultActions();

/** The board's images as the action sees them: what it was asked to add, and where. */
function imagesStandIn() {
  const inserted: { names: string[]; at?: Point }[] = [];
  const images: ImagePort = {
    async insert(inputs: readonly ImageInput[], at?: Point) {
      inserted.push({ names: inputs.map((input) => input.name), ...(at && { at }) });
    },
  };
  return { images, inserted };
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

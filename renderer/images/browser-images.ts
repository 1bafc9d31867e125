/**
 * The browser's part of images (docs/ARCHITECTURE.md#images): checking and measuring a file by
 * decoding it with `createImageBitmap` (GIF: its first frame), rasterising SVG to PNG (drawn as
 * an `<img>`, where an SVG runs no script and loads nothing, then re-encoded: what is stored and
 * sent is plain pixels), and decoding pictures at a level's size for the cache.
 */
import { MAX_IMAGE_SIDE_PX } from '../../shared/model';
import type { ImageInput, Prepared } from './board-images';
import { isStoredImageType, refusalOf, sha256Hex, sniffImageType } from './image-bytes';

/** An SVG without a size of its own is drawn this wide. */
const SVG_DEFAULT_PX = 1024;
/** An SVG is rasterised no larger than this a side. */
const SVG_MAX_PX = 4096;

export async function prepareImage(input: ImageInput): Promise<Prepared> {
  const refuse = (refused: string) => ({ name: input.name, refused });
  const problem = refusalOf(input.bytes);
  if (problem) return refuse(problem);
  const type = sniffImageType(input.bytes);
  let bytes = input.bytes;
  let mime = type;
  if (type === 'image/svg+xml') {
    const png = await rasteriseSvg(input.bytes).catch(() => null);
    if (!png) return refuse('the SVG could not be drawn');
    bytes = png;
    mime = 'image/png';
  }
  if (!mime || !isStoredImageType(mime)) return refuse('it is not a PNG, JPEG, GIF, WebP or SVG image');
  let size: { width: number; height: number };
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
  } catch {
    return refuse('the image is damaged or cannot be decoded');
  }
  if (size.width < 1 || size.height < 1) return refuse('the image has no pixels');
  if (size.width > MAX_IMAGE_SIDE_PX || size.height > MAX_IMAGE_SIDE_PX) {
    return refuse(`it is ${size.width} × ${size.height} pixels, more than ${MAX_IMAGE_SIDE_PX} a side`);
  }
  return {
    name: input.name,
    bytes,
    mime,
    sha256: await sha256Hex(bytes),
    naturalWidth: size.width,
    naturalHeight: size.height,
  };
}

async function rasteriseSvg(svg: Uint8Array): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg as Uint8Array<ArrayBuffer>], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const natural = { width: img.naturalWidth || SVG_DEFAULT_PX, height: img.naturalHeight || SVG_DEFAULT_PX };
    const scale = Math.min(1, SVG_MAX_PX / natural.width, SVG_MAX_PX / natural.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(natural.width * scale));
    canvas.height = Math.max(1, Math.round(natural.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A picture at `width` × `height` pixels, decoded (and scaled) off the main thread where the browser can. */
export function decodePicture(blob: Blob, width: number, height: number): Promise<ImageBitmap> {
  return createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
}

/** The files of a paste or drop that may be images (the rest are left to whoever else takes the event). */
export async function imageInputsOf(files: Iterable<File>): Promise<ImageInput[]> {
  const inputs: ImageInput[] = [];
  for (const file of files)
    inputs.push({ name: file.name || 'image', bytes: new Uint8Array(await file.arrayBuffer()) });
  return inputs;
}

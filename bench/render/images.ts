/**
 * The images scenario of `bench:render` (issue 15): a board of N photos of about 2 MP each,
 * their files uploaded to the relay's file API and their shapes seeded through the protocol,
 * laid out in a grid around the middle of the board area where the scripted pan and zoom run.
 * The PNGs are gradients, distinct per image (each its own file and hash), that deflate well,
 * so seeding stays quick while every picture still decodes to 2 MP.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { indicesBetween, type Shape } from '../../shared/model';
import { filePath } from '../../shared/files';
import { BOARD_AREA } from './shapes';

/** 1732 × 1155 ≈ 2.0 MP, 3:2. */
export const PHOTO_WIDTH = 1732;
export const PHOTO_HEIGHT = 1155;
/** Board units a photo takes in the grid (its natural size scaled down, as a paste would). */
const CELL_W = 360;
const CELL_H = 240;
const GAP = 40;
const COLUMNS = 20;

export interface ImageBoard {
  shapes: Shape[];
  files: { sha256: string; bytes: Buffer }[];
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An RGB PNG whose colour runs left to right from one hue to another, seeded by `n`. */
export function gradientPng(width: number, height: number, n: number): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    const t = x / width;
    row[1 + x * 3] = (n * 47 + t * 200) & 255;
    row[2 + x * 3] = (n * 91 + (1 - t) * 180) & 255;
    row[3 + x * 3] = (n * 13 + 60) & 255;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function generateImageBoard(count: number): ImageBoard {
  const indices = indicesBetween(null, null, count);
  const rows = Math.ceil(count / COLUMNS);
  const left = BOARD_AREA / 2 - (COLUMNS * (CELL_W + GAP)) / 2;
  const top = BOARD_AREA / 2 - (rows * (CELL_H + GAP)) / 2;
  const files: ImageBoard['files'] = [];
  const shapes: Shape[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = gradientPng(PHOTO_WIDTH, PHOTO_HEIGHT, i);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    files.push({ sha256, bytes });
    shapes.push({
      type: 'image',
      id: `img${i}`,
      index: indices[i]!,
      x: left + (i % COLUMNS) * (CELL_W + GAP),
      y: top + Math.floor(i / COLUMNS) * (CELL_H + GAP),
      rotation: 0,
      opacity: 1,
      style: { stroke: '#1e1e1e', fill: 'none', strokeWidth: 2 },
      w: CELL_W,
      h: CELL_H,
      sha256,
      naturalWidth: PHOTO_WIDTH,
      naturalHeight: PHOTO_HEIGHT,
      mime: 'image/png',
    });
  }
  return { shapes, files };
}

/** PUTs every file to the board on the relay (the board must exist: seed its shapes first). */
export async function uploadImageFiles(url: string, boardId: string, files: ImageBoard['files']): Promise<void> {
  for (const file of files) {
    const response = await fetch(`${url}${filePath(boardId, file.sha256)}`, {
      method: 'PUT',
      body: new Uint8Array(file.bytes),
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`PUT of ${file.sha256}: HTTP ${response.status} ${await response.text()}`);
    }
  }
}

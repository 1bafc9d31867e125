/** Helpers shared by the storage tests (not imported by production code). */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { StorageLogger } from './board-files';
import { boardStorageName } from './board-storage-name';

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'easel-storage-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** A client-side doc whose edits come out as Yjs updates, like those the relay receives. */
export class ShapeEditor {
  readonly doc = new Y.Doc();
  private lastUpdate: Uint8Array | undefined;

  constructor() {
    this.doc.on('update', (update: Uint8Array) => {
      this.lastUpdate = update;
    });
  }

  /** Sets one shape and returns the update that edit produced. */
  setShape(id: string, x = 0): Uint8Array {
    this.lastUpdate = undefined;
    this.doc.getMap('shapes').set(id, { kind: 'rect', x, y: 2 * x });
    if (!this.lastUpdate) throw new Error('edit produced no update');
    return this.lastUpdate;
  }
}

export function shapesOf(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap('shapes').toJSON();
}

export interface LoggedEvent {
  event: string;
  details: Record<string, unknown>;
}

export function collectingLogger(): { logger: StorageLogger; events: LoggedEvent[] } {
  const events: LoggedEvent[] = [];
  return { logger: (event, details) => events.push({ event, details }), events };
}

/** Name, content hash, size and mtime of every file in a folder: equal fingerprints mean nothing was touched. */
export async function fingerprintDir(dir: string): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const filePath = path.join(dir, name);
    const stat = await fs.stat(filePath);
    const hash = createHash('sha256')
      .update(await fs.readFile(filePath))
      .digest('hex');
    fingerprint[name] = `${hash} ${stat.size} ${stat.mtimeMs}`;
  }
  return fingerprint;
}

export function boardDir(dataDir: string, boardId: string): string {
  return path.join(dataDir, 'boards', boardStorageName(boardId));
}

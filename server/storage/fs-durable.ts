import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TEMP_SUFFIX } from './record-codec';

type FileHandle = fs.FileHandle;

/**
 * Makes a directory's entries (created, renamed files) durable. Windows cannot
 * open a directory for syncing, and NTFS journals metadata anyway, so it is a
 * no-op there.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the whole buffer, looping over short writes (rare, but legal for write(2)). */
export async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written);
    written += bytesWritten;
  }
}

/**
 * Creates or replaces `dir/name` so that after a crash it holds either its old
 * content or all of `data`, never a mix: temp file, fsync, rename, fsync dir.
 */
export async function writeFileAtomically(dir: string, name: string, data: Uint8Array): Promise<void> {
  const finalPath = path.join(dir, name);
  const tempPath = finalPath + TEMP_SUFFIX;
  try {
    const handle = await fs.open(tempPath, 'w');
    try {
      await writeAll(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tempPath, finalPath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Cuts a file to `length` bytes and makes the cut durable. */
export async function truncateDurably(filePath: string, length: number): Promise<void> {
  const handle = await fs.open(filePath, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isErrnoException(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

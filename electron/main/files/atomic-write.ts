import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, promises as fs, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, writeAll } from '../../../server/storage/fs-durable';

/**
 * Creates or replaces `target` so that, whatever happens midway (a crash, a
 * full disk), it holds either its old content or all of `bytes`: a temp file
 * beside it, fsync, rename over, fsync of the folder. A symlink is written
 * through (its target is replaced, the link stays); an existing file keeps
 * its permissions unless `mode` is given (then the file has exactly that
 * mode, new or replaced, umask permitting). The temp file is removed on failure.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  options: { mode?: number } = {},
): Promise<string> {
  const finalPath = await fs.realpath(target).catch(() => path.resolve(target));
  const existing = await fs.stat(finalPath).catch(() => null);
  if (existing && !existing.isFile()) throw Object.assign(new Error(`${finalPath} is not a file`), { code: 'EISDIR' });
  const dir = path.dirname(finalPath);
  const tempPath = path.join(dir, `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tempPath, 'wx', options.mode ?? (existing ? existing.mode & 0o777 : 0o666));
    try {
      await writeAll(handle, bytes);
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
  return finalPath;
}

/**
 * writeFileAtomic for a small file that must be on disk before this call
 * returns, because the process may be about to end (window-state.json when
 * the window closes at quit or at a Windows log-off): the same temp file,
 * fsync and rename, synchronously. `target` is replaced as it is (a symlink
 * is not followed).
 */
export function writeFileAtomicSync(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const tempPath = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tempPath, 'wx', 0o666);
    try {
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, target);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
  // Windows cannot open a folder to sync it (NTFS journals the rename anyway).
  if (process.platform === 'win32') return;
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

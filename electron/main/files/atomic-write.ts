import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, writeAll } from '../../../server/storage/fs-durable';

/**
 * Creates or replaces `target` so that, whatever happens midway (a crash, a
 * full disk), it holds either its old content or all of `bytes`: a temp file
 * beside it, fsync, rename over, fsync of the folder. A symlink is written
 * through (its target is replaced, the link stays); an existing file keeps
 * its permissions. The temp file is removed on failure.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<string> {
  const finalPath = await fs.realpath(target).catch(() => path.resolve(target));
  const existing = await fs.stat(finalPath).catch(() => null);
  if (existing && !existing.isFile()) throw Object.assign(new Error(`${finalPath} is not a file`), { code: 'EISDIR' });
  const dir = path.dirname(finalPath);
  const tempPath = path.join(dir, `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tempPath, 'wx', existing ? existing.mode & 0o777 : 0o666);
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

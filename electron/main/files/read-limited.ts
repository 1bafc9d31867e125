import { promises as fs } from 'node:fs';
import { DesktopFailure } from '../ipc/desktop-failure';

/**
 * Reads a whole regular file of at most `maxBytes`. The size is checked
 * before reading and again while reading, so a file that grows in between
 * cannot make us hold more than the limit.
 */
export async function readFileLimited(file: string, maxBytes: number): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw failureFor(error, file);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new DesktopFailure('BAD_REQUEST', `${file} is not a file.`);
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(stat.size - length, 64 * 1024), maxBytes - length + 1));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    const bytes = Buffer.concat(chunks, length);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, length);
  } catch (error) {
    throw failureFor(error, file);
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, maxBytes: number): DesktopFailure {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes} bytes`;
  return new DesktopFailure('TOO_LARGE', `${file} is larger than ${limit}, the most Easel opens.`);
}

export function failureFor(error: unknown, file: string): DesktopFailure {
  if (error instanceof DesktopFailure) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DesktopFailure('NOT_FOUND', `${file} does not exist.`);
  if (code === 'EACCES' || code === 'EPERM') return new DesktopFailure('FORBIDDEN', `No permission to use ${file}.`);
  if (code === 'EISDIR') return new DesktopFailure('BAD_REQUEST', `${file} is a folder.`);
  return new DesktopFailure('IO_ERROR', `Could not use ${file}: ${error instanceof Error ? error.message : error}`);
}

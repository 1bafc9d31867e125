import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { clientTargetFor } from './client-paths';
import { contentTypeFor } from './content-types';

/**
 * The built browser client (`npm run build:web` → `out/web/`), served by the
 * relay on its own port so a teammate without the app can join from a link
 * (docs/ARCHITECTURE.md#static-client). Which paths map to which files is decided in `client-paths.ts`;
 * this module finds the file and its headers.
 *
 * Files are read from disk on every request (fs.promises, no memory cache), so
 * rebuilding the client takes effect without restarting the relay. Every file
 * is resolved with realpath and must stay inside the web root's real path, so
 * neither `..` nor a symlink can reach outside it.
 *
 * The client's service worker (`/sw.js`) and the `/asset-manifest.json` it
 * reads are top-level files, so no-cache: a new build's worker and asset list
 * are picked up at once. Its scope is `/`, where it is served from, and it is
 * same-origin, so neither Service-Worker-Allowed nor a worker-src is needed.
 */

/** A web root that cannot serve the client; the CLI turns it into exit code 2. */
export class WebRootError extends Error {
  override readonly name = 'WebRootError';
}

/** Sent with everything served from the web root (they matter on HTML, cost nothing elsewhere). */
export const CLIENT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'EACCES', 'EPERM', 'ENAMETOOLONG', 'EISDIR']);

export interface ClientFile {
  body: Buffer;
  headers: Record<string, string>;
}

export interface StaticClient {
  /** The web root's real path. */
  readonly root: string;
  /** The file a request path (before `?`) asks for, or null when there is none. */
  fileFor(rawPath: string): Promise<ClientFile | null>;
}

/** Checks that `dir` is a directory holding index.html; throws WebRootError with a readable reason if not. */
export async function openWebRoot(dir: string): Promise<StaticClient> {
  let root: string;
  try {
    root = await realpath(path.resolve(dir));
  } catch {
    throw new WebRootError(`web root ${dir} does not exist`);
  }
  if (!(await stat(root)).isDirectory()) throw new WebRootError(`web root ${dir} is not a directory`);
  const index = await realFileInside(root, ['index.html']);
  if (index === null || !(await stat(index)).isFile()) {
    throw new WebRootError(`web root ${dir} has no index.html (build the browser client first: npm run build:web)`);
  }
  return {
    root,
    async fileFor(rawPath) {
      const target = clientTargetFor(rawPath);
      if (target.kind === 'none') return null;
      const segments = target.kind === 'index' ? ['index.html'] : target.segments;
      const contentType = contentTypeFor(segments[segments.length - 1] ?? '');
      if (contentType === undefined) return null;
      const file = await realFileInside(root, segments);
      const body = file === null ? null : await readRegularFile(file);
      if (body === null) return null;
      return {
        body,
        headers: {
          ...CLIENT_SECURITY_HEADERS,
          'content-type': contentType,
          'content-length': String(body.byteLength),
          'cache-control': target.kind === 'file' && target.cache === 'immutable' ? IMMUTABLE : 'no-cache',
        },
      };
    },
  };
}

/** The real path of `root/segments…`, or null when it does not exist or resolves outside `root`. */
async function realFileInside(root: string, segments: string[]): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(path.join(root, ...segments));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return real.startsWith(prefix) ? real : null;
}

/**
 * Reads a regular file through one descriptor, or null if it is not one. No
 * symlink at the last step, and non-blocking so a FIFO cannot stall the open.
 */
async function readRegularFile(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return NOT_FOUND_CODES.has((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
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
 *
 * The build writes Brotli and gzip copies beside each text file
 * (build/precompress.ts): a browser whose Accept-Encoding takes one gets it,
 * with Content-Encoding and `Vary: Accept-Encoding` (so caches keep the two
 * apart); the plain file is the fallback. Files that are revalidated (HTML,
 * sw.js, the manifest) carry a strong ETag of the bytes sent, and an
 * If-None-Match that names it gets 304 with no body.
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
  /** 304 when the request's If-None-Match names this very representation: send the headers, no body. */
  status: 200 | 304;
  body: Buffer;
  headers: Record<string, string>;
}

/** The request headers that choose a representation. */
export interface ClientRequest {
  acceptEncoding?: string;
  ifNoneMatch?: string;
}

export interface StaticClient {
  /** The web root's real path. */
  readonly root: string;
  /** The file a request path (before `?`) asks for, or null when there is none. */
  fileFor(rawPath: string, request?: ClientRequest): Promise<ClientFile | null>;
}

type Encoding = 'br' | 'gzip';
const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/;

/** The encodings an Accept-Encoding header takes, best first (Brotli before gzip); q=0 refuses one. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (token) weights.set(token, q === undefined ? 1 : Number(q));
  }
  const takes = (name: Encoding) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(takes);
}

/** A strong ETag of the bytes sent. */
function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether If-None-Match names `etag` (or is `*`); weak comparison, as RFC 9110 says for it. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
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
    async fileFor(rawPath, request = {}) {
      const target = clientTargetFor(rawPath);
      if (target.kind === 'none') return null;
      const segments = target.kind === 'index' ? ['index.html'] : target.segments;
      const name = segments[segments.length - 1] ?? '';
      const contentType = contentTypeFor(name);
      if (contentType === undefined) return null;
      const file = await realFileInside(root, segments);
      if (file === null) return null;
      const compressible = COMPRESSIBLE.test(contentType);
      let chosen: { body: Buffer; encoding: Encoding | null } | null = null;
      if (compressible) {
        for (const encoding of acceptedEncodings(request.acceptEncoding)) {
          const variant = await realFileInside(root, [...segments.slice(0, -1), name + SUFFIX[encoding]]);
          const body = variant === null ? null : await readRegularFile(variant);
          if (body !== null) {
            chosen = { body, encoding };
            break;
          }
        }
      }
      if (chosen === null) {
        const body = await readRegularFile(file);
        if (body === null) return null;
        chosen = { body, encoding: null };
      }
      const immutable = target.kind === 'file' && target.cache === 'immutable';
      const etag = immutable ? undefined : etagOf(chosen.body);
      const headers: Record<string, string> = {
        ...CLIENT_SECURITY_HEADERS,
        'content-type': contentType,
        'content-length': String(chosen.body.byteLength),
        'cache-control': immutable ? IMMUTABLE : 'no-cache',
        ...(chosen.encoding ? { 'content-encoding': chosen.encoding } : {}),
        ...(compressible ? { vary: 'Accept-Encoding' } : {}),
        ...(etag ? { etag } : {}),
      };
      if (etag && matchesEtag(request.ifNoneMatch, etag)) {
        const { 'content-length': _length, ...notModified } = headers;
        return { status: 304, body: Buffer.alloc(0), headers: notModified };
      }
      return { status: 200, body: chosen.body, headers };
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

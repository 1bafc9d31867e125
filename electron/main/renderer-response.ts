import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../build/content-security-policy';
import { rendererFileFor } from './renderer-files';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Sent with every app:// response. index.html carries the same policy in a
 * meta tag, but a header also covers what a meta tag cannot (it applies from
 * the first byte, and to every document the scheme serves, not only to pages
 * built from index.html).
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy('desktop'),
  'x-content-type-options': 'nosniff',
};

/** The answer to an app:// request: a file under `rendererDir` only; anything that resolves outside it is a 404. */
export async function rendererResponse(rendererDir: string, url: string, host: string): Promise<Response> {
  const notFound = () => new Response('not found', { status: 404, headers: SECURITY_HEADERS });
  const file = rendererFileFor(rendererDir, url, host);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type, ...SECURITY_HEADERS } });
  } catch {
    return notFound();
  }
}

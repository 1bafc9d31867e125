import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../../build/content-security-policy';
import { contentTypeFor } from '../../server/transport/content-types';
import { rendererFileFor } from './renderer-files';

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
    // The relay's table for the same Vite build; the window is not refused a file it does not list.
    const type = contentTypeFor(path.basename(file)) ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type, ...SECURITY_HEADERS } });
  } catch {
    return notFound();
  }
}

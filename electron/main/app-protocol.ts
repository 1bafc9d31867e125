import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { DESKTOP_APP_ORIGIN } from '../../shared/protocol/origins';
import { rendererFileFor } from './renderer-files';

/**
 * The renderer is served from `app://easel/` rather than file://, so it has a
 * real origin: the relay can trust exactly that origin (file:// pages all
 * share the origin "null"), and CSP 'self' means something.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = DESKTOP_APP_ORIGIN;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves files under `rendererDir` only; anything that resolves outside it is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url, 'easel');
    if (!file) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      return new Response(body, { headers: { 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

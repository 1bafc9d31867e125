import { protocol } from 'electron';
import { DESKTOP_APP_ORIGIN } from '../../shared/protocol/origins';
import { rendererResponse } from './renderer-response';

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

/** Serves files under `rendererDir` only, each with the renderer's Content-Security-Policy header (renderer-response.ts). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url, 'easel'));
}

/**
 * The browser origin of the desktop app's window (electron/main/app-protocol.ts
 * serves the renderer there). Every relay accepts sockets from it without
 * `--allow-origin`, so the desktop app can join any relay: a web page cannot
 * claim this origin (only the app's registered scheme produces it), so
 * admitting it opens nothing to other sites. The token is still required.
 */
export const DESKTOP_APP_ORIGIN = 'app://easel';

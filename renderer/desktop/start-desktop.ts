/**
 * What only the desktop app runs at start, in a chunk of its own that a
 * browser never downloads (renderer/main.tsx imports it when window.easel
 * is there): following the embedded relay, launch routing (files and links
 * handed to the app) and the app's notices (updates, files that would not open).
 */
export { AppNotices } from './launch/AppNotices';
export { startLaunchRouting } from './launch/start-launch-routing';
export { startFollowingRelay } from './relay/embedded-relay';

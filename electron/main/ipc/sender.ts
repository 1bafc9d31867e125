/** Who sent an IPC message, as read from Electron's IpcMainInvokeEvent (see senderOf in index.ts). */
export interface IpcSender {
  /** `event.senderFrame.url`; null when the frame is gone or was never committed. */
  frameUrl: string | null;
  /** Whether that frame is the page's top frame (an iframe's message is not the app's). */
  isMainFrame: boolean;
  /** `event.sender.id`. */
  webContentsId: number;
}

export interface SenderPolicy {
  /** `app://easel`, and the dev server's origin in development; nothing else. */
  trustedOrigins: readonly string[];
  /** Whether this webContents is one of the app's own windows. */
  isAppWindow(webContentsId: number): boolean;
}

/**
 * `scheme://host[:port]` of a URL. Node's URL gives the origin "null" for
 * schemes it does not know (app:), so it is built from the parts instead.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Why a sender may not use the desktop API, or null when it may. */
export function senderProblem(sender: IpcSender, policy: SenderPolicy): string | null {
  if (!policy.isAppWindow(sender.webContentsId)) return 'not one of the app’s windows';
  if (!sender.isMainFrame) return 'not the top frame';
  if (sender.frameUrl === null) return 'the frame is gone';
  const origin = originOf(sender.frameUrl);
  if (origin === null || !policy.trustedOrigins.includes(origin))
    return `untrusted origin ${origin ?? sender.frameUrl}`;
  return null;
}

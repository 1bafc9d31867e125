import type { DesktopErrorCode } from '../../../shared/desktop';

/**
 * A refusal or failure the renderer should hear about in words: the IPC
 * dispatcher turns it into `{ ok: false, error: { code, message } }`. Any
 * other error becomes INTERNAL with a generic message (and is logged).
 */
export class DesktopFailure extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DesktopFailure';
  }
}

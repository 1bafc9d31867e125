import { FILE_ERROR_STATUS, type FileErrorCode } from '../../shared/files';

/** A file request refused on purpose: answered `{ ok: false, error: { code, message } }` with the code's status. */
export class FileRequestError extends Error {
  readonly status: number;
  constructor(
    readonly code: FileErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'FileRequestError';
    this.status = FILE_ERROR_STATUS[code];
  }
}

/** Sizes in messages people read: `25 MiB`, `300 KiB`, `12 bytes`. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}

/**
 * The Platform of a browser tab. Saving is a download (a Blob behind an
 * object URL, clicked through `<a download>`); opening is a hidden
 * `<input type=file>`. Both must run from a user gesture (a click or a key
 * press): browsers refuse a file picker that a script opens on its own.
 */
import type { FileData, OpenedFile, Platform } from './platform';

/** How long a download's object URL outlives the click: the browser reads it asynchronously. */
const REVOKE_URL_AFTER_MS = 60_000;

export function webPlatform(): Platform {
  return {
    kind: 'web',
    async saveFile({ suggestedName, mimeType, data }) {
      const url = URL.createObjectURL(toBlob(data, mimeType));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      try {
        link.click();
      } finally {
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), REVOKE_URL_AFTER_MS);
      }
      return 'saved';
    },
    openFile({ accept }) {
      return new Promise<OpenedFile | null>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept.join(',');
        input.style.display = 'none';
        const done = () => input.remove();
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          done();
          if (!file) return resolve(null);
          file.arrayBuffer().then(
            (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
            (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          );
        });
        // Fired when the user closes the picker without choosing (Chromium 113+, Firefox 91+, Safari 16.4+).
        input.addEventListener('cancel', () => {
          done();
          resolve(null);
        });
        document.body.append(input); // some browsers only open the picker of an input in the document
        input.click();
      });
    },
  };
}

function toBlob(data: FileData, mimeType: string): Blob {
  if (data instanceof Blob) return data.type === mimeType ? data : new Blob([data], { type: mimeType });
  // A copy, so the Blob owns an ArrayBuffer of its own (a Uint8Array may view a shared or larger buffer).
  return new Blob([typeof data === 'string' ? data : data.slice()], { type: mimeType });
}

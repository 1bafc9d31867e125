/**
 * The ClipboardPort over navigator.clipboard. The async clipboard is missing
 * on plain-http pages and can be refused by permissions; then copy and paste
 * still work inside this tab through a memory clipboard instead of failing.
 */
import { type ClipboardPort, MemoryClipboard } from '../actions';

export function browserClipboard(): ClipboardPort {
  const memory = new MemoryClipboard();
  return {
    async writeText(text) {
      await memory.writeText(text);
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // Refused or unavailable: the memory copy above is what paste will read.
      }
    },
    async readText() {
      try {
        return await navigator.clipboard.readText();
      } catch {
        return memory.readText();
      }
    },
  };
}

/**
 * How the desktop bridge carries payloads across Playwright's binding, whose
 * serializer does not promise to keep a Uint8Array a Uint8Array: bytes become
 * `{ [BYTES_TAG]: base64 }`, everything else passes as it is. Both functions
 * must stay self-contained (no imports, no outer names but the globals atob
 * and btoa): desktop-bridge.ts also sends their source into the page, so the
 * Node side and the page's shim encode with the same code.
 */

export function toWire(value: unknown): unknown {
  const tag = '__easelBytes';
  const CHUNK = 0x8000;
  const encode = (item: unknown): unknown => {
    if (item instanceof Uint8Array) {
      let binary = '';
      for (let at = 0; at < item.length; at += CHUNK) {
        binary += String.fromCharCode(...item.subarray(at, at + CHUNK));
      }
      return { [tag]: btoa(binary) };
    }
    if (Array.isArray(item)) return item.map(encode);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, encode(inner)]));
    }
    return item;
  };
  return encode(value);
}

export function fromWire(value: unknown): unknown {
  const tag = '__easelBytes';
  const decode = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(decode);
    if (item !== null && typeof item === 'object') {
      const encoded = (item as Record<string, unknown>)[tag];
      if (typeof encoded === 'string' && Object.keys(item).length === 1) {
        const binary = atob(encoded);
        const bytes = new Uint8Array(binary.length);
        for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
        return bytes;
      }
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, decode(inner)]));
    }
    return item;
  };
  return decode(value);
}

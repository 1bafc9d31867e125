import { MAX_NAME_LENGTH } from '../../shared/protocol';

// Control characters, and bidi controls that could make a name display as something else.
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The display name from `?name=` (e.g. a join link `…/b/abc?name=Ann`):
 * line breaks and tabs made spaces, invisible characters dropped, spaces collapsed, and cut to the relay's
 * MAX_NAME_LENGTH (UTF-16 units, as the handshake schema counts) without
 * splitting a character. Undefined when absent or blank.
 */
export function displayNameFrom(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('name');
  if (raw === null) return undefined;
  const cleaned = raw.replace(/\s/gu, ' ').replace(INVISIBLE, '').replace(/ +/g, ' ').trim();
  let name = '';
  for (const char of cleaned) {
    if (name.length + char.length > MAX_NAME_LENGTH) break;
    name += char;
  }
  name = name.trim();
  return name === '' ? undefined : name;
}

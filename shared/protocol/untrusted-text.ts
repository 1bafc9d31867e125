/** The most characters of one client-supplied string that a log line or an error reply repeats. */
export const MAX_ECHOED_CHARS = 100;

/**
 * A client-supplied string, cut to `max` characters for a log line or an error
 * reply: a client must not be able to make the relay write (or send back)
 * megabytes by putting them in a field the relay echoes. The cut is marked
 * with the full length, so the reader knows it happened.
 */
export function clipText(text: string, max = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}… (${text.length} characters)`;
}

/**
 * Any client-supplied value described in a few words for a log line or an
 * error reply: strings quoted and clipped, numbers, booleans and null as
 * they are, and objects and arrays by their kind only (they could be huge or
 * deeply nested, so they are never serialised).
 */
export function describeUntrusted(value: unknown, max = MAX_ECHOED_CHARS): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(clipText(value, max));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return clipText(String(value), max);
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a value of type ${typeof value === 'object' ? 'object' : typeof value}`;
}

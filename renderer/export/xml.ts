/**
 * Writing untrusted text into XML. A shape's text is whatever someone typed
 * or pasted, so it is escaped for content and attributes alike, and the few
 * characters XML 1.0 cannot hold at all (C0 controls other than tab, line
 * feed and carriage return; unpaired surrogates; U+FFFE, U+FFFF) are dropped:
 * one of them would make the whole file unreadable.
 */

const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Safe inside an element and inside a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A number for an SVG attribute: at most `digits` decimals, no exponent, never "-0". */
export function num(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** `name="value"` pairs, escaped, skipping undefined values. */
export function attrs(fields: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
}

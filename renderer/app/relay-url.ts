/**
 * Where the relay is: the desktop shell passes its embedded relay as `?relay=`;
 * the browser client is served by the relay itself, so it is the page's origin.
 */
export function relayUrlFor(location: Pick<Location, 'search' | 'origin'>): string {
  const given = new URLSearchParams(location.search).get('relay');
  if (given && /^https?:\/\/[^\s]+$/.test(given)) return given;
  return location.origin;
}

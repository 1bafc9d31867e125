import { MAX_TOKEN_LENGTH } from '../../shared/protocol';

/**
 * The relay's access token from a join link (`…/b/<boardId>?t=<token>`), or
 * undefined. The relay sends `referrer-policy: no-referrer`, so it does not
 * leak to other sites through links.
 */
export function accessTokenFrom(search: string): string | undefined {
  const token = new URLSearchParams(search).get('t');
  return token && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}

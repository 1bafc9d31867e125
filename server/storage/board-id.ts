import { RelayError } from '../../shared/protocol';

const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Callers validate ids already; stores check again because the id becomes a
 * path component, and one unchecked `..` would reach outside the data dir.
 */
export function assertBoardId(boardId: string): void {
  if (typeof boardId !== 'string' || !BOARD_ID_PATTERN.test(boardId)) {
    throw new RelayError('BAD_REQUEST', `invalid board id ${JSON.stringify(String(boardId)).slice(0, 80)}`);
  }
}

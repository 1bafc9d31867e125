import { useEffect, useRef } from 'react';
import type { JoinTargetPayload } from '../../../shared/desktop';

/**
 * Asks before joining what a link from outside the app names: anyone can
 * send an `easel://join` link, and following it contacts a relay somewhere
 * and hands it this app's page. Nothing is sent to that relay until Join is
 * chosen; Cancel (or Escape) forgets the link. Cancel has the focus, so a
 * stray Enter does not join.
 */
export function JoinLinkConfirm({
  target,
  onJoin,
  onCancel,
}: {
  target: JoinTargetPayload;
  onJoin: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [target]);
  return (
    <section
      role="alertdialog"
      aria-labelledby="join-confirm-heading"
      aria-describedby="join-confirm-what"
      data-testid="join-confirm"
      className="easel-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="join-confirm-heading">Join this session?</h2>
      <p id="join-confirm-what">
        A link asks this app to open {target.boardId === undefined ? 'the boards' : 'a board'} on a relay. Nothing is
        sent to that relay until you choose Join.
      </p>
      <dl>
        <dt>Relay</dt>
        <dd>
          <code data-testid="join-confirm-relay">{target.relayUrl}</code>
        </dd>
        <dt>Board</dt>
        <dd>
          <code data-testid="join-confirm-board">{target.boardId ?? '(its list of boards)'}</code>
        </dd>
        <dt>Token</dt>
        <dd>{target.token === undefined ? 'none in the link' : 'included in the link'}</dd>
      </dl>
      <p>
        <button type="button" className="primary" onClick={onJoin}>
          Join
        </button>{' '}
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </p>
    </section>
  );
}

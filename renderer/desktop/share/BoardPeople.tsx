import type { BoardAccess, PresentPerson } from '../../../shared/access';
import { accessText } from './access-text';

/**
 * Who is on the board now, with Remove for everyone who came in with a pass
 * (it revokes that pass: they are cut off at once, and so is anyone else who
 * used the same link), and Lock board: while locked, everyone but the host
 * only looks.
 */
export function BoardPeople({
  access,
  busy,
  onRemove,
  onLock,
}: {
  access: BoardAccess | null;
  busy: boolean;
  onRemove: (person: PresentPerson) => void;
  onLock: (locked: boolean) => void;
}) {
  if (!access) return <p className="note">Asking the relay who is on this board…</p>;
  return (
    <section aria-labelledby="share-people-title">
      <h3 id="share-people-title" style={{ margin: '12px 0 4px', fontSize: 14 }}>
        On this board now
      </h3>
      <ul data-testid="share-people">
        {access.people.map((person) => (
          <li key={person.connectionId} data-testid="share-person" data-name={person.name ?? ''}>
            <span style={{ flex: 1 }}>
              <strong>{person.name ?? 'Someone'}</strong>{' '}
              <span className="note">
                {accessText(person)} · {person.role === 'editor' ? 'can edit' : 'view only'} · {person.address}
              </span>
            </span>
            {person.passId !== null && (
              <button
                type="button"
                disabled={busy}
                aria-label={`Remove ${person.name ?? 'this person'}`}
                onClick={() => onRemove(person)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <p data-testid="share-lock-state" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span style={{ flex: 1 }}>
          {access.locked
            ? 'Locked: only you can change the board; everyone else only looks.'
            : 'Everyone with the Edit link can change the board.'}
        </span>
        <button type="button" disabled={busy} onClick={() => onLock(!access.locked)}>
          {access.locked ? 'Unlock board' : 'Lock board'}
        </button>
      </p>
    </section>
  );
}

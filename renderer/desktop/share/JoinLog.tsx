import type { JoinRecord } from '../../../shared/access';
import { accessText, clockTime } from './access-text';

/** Who came to the board, with which link, from where, and when they came and left (newest first). */
export function JoinLog({ joins }: { joins: JoinRecord[] | null }) {
  return (
    <details data-testid="share-join-log">
      <summary>Join log{joins ? ` (${joins.length})` : ''}</summary>
      {joins === null || joins.length === 0 ? (
        <p className="note">Nobody has joined yet.</p>
      ) : (
        <table style={{ width: '100%', fontSize: 13, borderCollapse: 'collapse' }}>
          <thead>
            <tr style={{ textAlign: 'left' }}>
              <th>Name</th>
              <th>With</th>
              <th>From</th>
              <th>Joined</th>
              <th>Left</th>
            </tr>
          </thead>
          <tbody>
            {joins.map((visit) => (
              <tr key={`${visit.joinedAt} ${visit.address} ${visit.name ?? ''}`} data-testid="share-join-entry">
                <td>{visit.name ?? 'Someone'}</td>
                <td>{accessText(visit)}</td>
                <td>{visit.address}</td>
                <td>{clockTime(visit.joinedAt)}</td>
                <td>{visit.leftAt === null ? '—' : clockTime(visit.leftAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

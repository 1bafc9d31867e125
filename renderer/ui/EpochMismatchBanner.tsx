/**
 * The relay's board under this id is not the one this device has (it was
 * deleted and made again, or restored from elsewhere: docs/ARCHITECTURE.md#epochs).
 * Nothing was merged either way; the person chooses to keep their copy as a
 * new board, or to look at the relay's by discarding the copy here.
 */
export function EpochMismatchBanner({ onKeepAsNew }: { onKeepAsNew: () => void }) {
  return (
    <div
      role="alert"
      data-testid="epoch-mismatch"
      style={{
        background: '#fff4e6',
        borderBottom: '1px solid #ffc078',
        padding: '8px 16px',
        display: 'flex',
        gap: 12,
      }}
    >
      <span>
        This board was replaced on the relay since this device last synced it. Your copy is kept here and was not merged
        into it.
      </span>
      <button type="button" onClick={onKeepAsNew}>
        Keep my copy as a new board
      </button>
    </div>
  );
}

/**
 * What a person is told about their access to the board: that they may only
 * look ("View only", beside the title), and that the relay ended their
 * access (a banner; the status says it too, and nothing retries).
 */
export function ViewOnlyBadge() {
  return (
    <span
      data-testid="view-only"
      title="You can look, follow others and copy or export; only editors change this board."
      style={{
        fontSize: 12,
        fontWeight: 600,
        padding: '2px 8px',
        borderRadius: 10,
        background: '#e7f0fb',
        color: '#1a4f8a',
        whiteSpace: 'nowrap',
      }}
    >
      View only
    </span>
  );
}

export function AccessEndedBanner({ message }: { message: string }) {
  return (
    <div
      role="alert"
      data-testid="access-ended"
      className="easel-bar"
      style={{ background: '#fdecea', borderBottom: '2px solid #e03131', gap: 12 }}
    >
      <span style={{ flex: 1 }}>{message}. Ask the host for a new link to join again.</span>
    </div>
  );
}

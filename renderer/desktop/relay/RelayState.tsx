import type { RelayView } from './embedded-relay';

/** What the desktop app's own relay is doing, in words, when it is not simply running. */
export function relayStateText(relay: RelayView): string | null {
  switch (relay.state) {
    case 'starting':
      return 'Local relay starting…';
    case 'restarting':
      return relay.error ? `Local relay restarting (${relay.error})…` : 'Local relay restarting…';
    case 'failed':
      return `Local relay stopped: ${relay.error ?? 'it could not be restarted'}. Restart Easel to continue syncing.`;
    case 'stopped':
      return 'Local relay stopped.';
    default:
      return null;
  }
}

export function RelayState({ relay }: { relay: RelayView }) {
  const text = relayStateText(relay);
  if (text === null) return null;
  return (
    <span role="status" data-testid="relay-state" className="shrink" style={{ color: '#c92a2a' }}>
      {text}
    </span>
  );
}

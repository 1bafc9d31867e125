/**
 * Entry of the desktop app's relay process (a utilityProcess in Electron, a
 * forked Node process in tests). It does nothing until its parent sends the
 * config; see relay-child.ts.
 */
import { parentChannel } from './parent-channel';
import { runRelayChild } from './relay-child';

const channel = parentChannel();
if (!channel) {
  process.stderr.write('easel relay child: start me from the desktop app (no parent channel)\n');
  process.exitCode = 2;
} else {
  const child = runRelayChild(channel, { exit: (code) => process.exit(code) });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void child.stop());
}

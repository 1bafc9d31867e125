import { parseArgs } from 'node:util';
import type { OptionsParse as BenchOptionsParse } from '../support/cli';

export const USAGE = `Usage: npm run bench:presence -- [options]

Cursor latency between two people on one board, with more people on it:
a real relay process, two headless Chromium pages on the relay-served client
(Mover and Watcher), and N-2 headless protocol clients that publish presence
(a moving cursor) at R Hz. The Mover's mouse is driven with real input; the
Watcher's page records where it draws the Mover's cursor every frame. One
clock: Date.now() in both pages of one browser on one machine.

Per board size N it reports, in ms from the Mover's pointermove:
  jump transit   the Watcher's cursor starts moving towards a new position
  jump arrival   it is drawn at that position (includes the glide)
  sweep lag      during continuous 60 Hz motion, how far behind the pointer
                 the drawn cursor is, frame by frame
plus bytes/s through the relay and the relay's CPU per active cursor.

Options:
  --people LIST  people on the board, comma-separated, each >= 2 (default 2,10,50)
  --rate R       presence updates per second of each headless person, Hz (default 30)
  --jumps J      pointer jumps per board size, 300 ms apart (default 30)
  --sweeps S     left-to-right pointer sweeps per board size, ~2 s each (default 4)
  --skip-build   use the existing web client build instead of building it
  --cpu-prof DIR write the Watcher page's CPU profile of each measured window
                 to DIR/presence-<N>.cpuprofile (summarise with
                 bench/relay/profile-summary.ts; build the client unminified
                 for readable names)
  -h, --help     show this help`;

export interface PresenceBenchOptions {
  people: number[];
  rateHz: number;
  jumps: number;
  sweeps: number;
  skipBuild: boolean;
  cpuProfileDir?: string;
}

export type OptionsParse = BenchOptionsParse<PresenceBenchOptions>;

/** Largest board the bench puts together (the relay allows many more; the machine does not). */
export const MAX_PEOPLE = 200;

export function parsePresenceOptions(argv: string[]): OptionsParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        people: { type: 'string' },
        rate: { type: 'string' },
        jumps: { type: 'string' },
        sweeps: { type: 'string' },
        'skip-build': { type: 'boolean' },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const people = (values.people ?? '2,10,50').split(',').map((part) => Number(part.trim()));
  if (people.some((n) => !Number.isInteger(n) || n < 2 || n > MAX_PEOPLE)) {
    return {
      kind: 'error',
      message: `--people: expected comma-separated integers 2-${MAX_PEOPLE}, got ${values.people}`,
    };
  }
  const rateHz = Number(values.rate ?? '30');
  if (!Number.isFinite(rateHz) || rateHz <= 0 || rateHz > 60) {
    return { kind: 'error', message: `--rate: expected Hz in (0, 60] (the relay allows 60/s), got ${values.rate}` };
  }
  const jumps = Number(values.jumps ?? '30');
  if (!Number.isInteger(jumps) || jumps < 1 || jumps > 1000) {
    return { kind: 'error', message: `--jumps: expected an integer 1-1000, got ${values.jumps}` };
  }
  const sweeps = Number(values.sweeps ?? '4');
  if (!Number.isInteger(sweeps) || sweeps < 0 || sweeps > 100) {
    return { kind: 'error', message: `--sweeps: expected an integer 0-100, got ${values.sweeps}` };
  }
  const cpuProfileDir = values['cpu-prof'];
  if (cpuProfileDir === '') return { kind: 'error', message: '--cpu-prof: expected a directory' };
  return {
    kind: 'run',
    options: { people, rateHz, jumps, sweeps, skipBuild: values['skip-build'] ?? false, cpuProfileDir },
  };
}

import { parseArgs } from 'node:util';
import type { OptionsParse as BenchOptionsParse } from '../support/cli';

export const USAGE = `Usage: npm run bench:render -- [options]

Seeds boards of N mixed shapes into a real relay (through the protocol),
opens each in headless Chromium at 1280x800, plays S seconds of scripted
wheel pan and ctrl+wheel zoom at 60 events/s, and reports animation-frame
times. Chromium runs with --disable-gpu, so the canvas renders in software.

Options:
  --shapes LIST   board sizes, comma-separated (default 1000,5000,10000,20000)
  --seconds S     scripted input per board, seconds (default 5)
  --images N      also run the images scenario: a board of N photos of ~2 MP
                  (their files on the relay), target at most 5 % dropped frames
                  (default 0: not run; the issue's scenario is --images 200)
  --skip-build    use the existing out/web instead of building the client
  --remote-edits N  a protocol peer writes N edits a second (3 of 4 move an
                  existing shape, 1 adds one) during S seconds without input
                  and then during the pan/zoom (default 0: no peer)
  --cpu-prof DIR  write the page's CPU profile of each board's input phase to
                  DIR/render-<N>.cpuprofile (summarise with
                  bench/relay/profile-summary.ts)
  -h, --help      show this help`;

export interface RenderBenchOptions {
  sizes: number[];
  seconds: number;
  skipBuild: boolean;
  /** Edits per second from a remote peer; 0: none. */
  remoteEdits: number;
  cpuProfileDir?: string;
  /** Photos on the images scenario's board; 0 runs none. */
  images: number;
}

export type OptionsParse = BenchOptionsParse<RenderBenchOptions>;

export function parseRenderOptions(argv: string[]): OptionsParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        shapes: { type: 'string' },
        seconds: { type: 'string' },
        'skip-build': { type: 'boolean' },
        images: { type: 'string' },
        'cpu-prof': { type: 'string' },
        'remote-edits': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const sizes = (values.shapes ?? '1000,5000,10000,20000').split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 200_000)) {
    return { kind: 'error', message: `--shapes: expected comma-separated integers 1-200000, got ${values.shapes}` };
  }
  const seconds = Number(values.seconds ?? '5');
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    return { kind: 'error', message: `--seconds: expected a number of seconds in (0, 600], got ${values.seconds}` };
  }
  const images = Number(values.images ?? '0');
  if (!Number.isInteger(images) || images < 0 || images > 2_000) {
    return { kind: 'error', message: `--images: expected an integer 0-2000, got ${values.images}` };
  }
  const cpuProfileDir = values['cpu-prof'];
  if (cpuProfileDir === '') return { kind: 'error', message: '--cpu-prof: expected a directory' };
  const remoteEdits = Number(values['remote-edits'] ?? '0');
  if (!Number.isInteger(remoteEdits) || remoteEdits < 0 || remoteEdits > 500) {
    return { kind: 'error', message: `--remote-edits: expected edits per second 0-500, got ${values['remote-edits']}` };
  }
  return {
    kind: 'run',
    options: { sizes, seconds, skipBuild: values['skip-build'] ?? false, remoteEdits, cpuProfileDir, images },
  };
}

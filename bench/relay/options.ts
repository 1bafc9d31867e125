import { parseArgs } from 'node:util';
import type { OptionsParse as BenchOptionsParse } from '../support/cli';
import { type Peer, PEERS } from './peers/peer-process';

export const USAGE = `Usage: npm run bench:relay -- [options]

One board of N clients, each writing a small Yjs update at R Hz through a real
relay process (file storage, fsync before every ack); prints delivery latency,
delivered/expected and relay CPU.

Options:
  --clients N   clients in the room (default 50)
  --rate R      updates per second per client, Hz (default 20)
  --seconds S   measured window, seconds (default 10)
  --warmup S    unmeasured load before the window, seconds (default 2)
  --threads T   load-generator threads: 0 runs every client on the main thread,
                T > 0 spreads them over T worker threads (default 0)
  --client C    load-generator client: lean (Engine.IO/Socket.IO over raw ws,
                cheapest receive path) or socket.io (socket.io-client) (default lean)
  --hostile     run it twice, without and then with hostile guests beside the
                honest clients (subdocument bombs, floods with slow readers,
                board churn, reconnect storms, join spam, each from its own
                loopback address); compare honest p99 and the relay's peak RSS
  --pairs N     with --hostile: N pairs of runs, alternating, compared by their
                median p99 (a shared machine's noise) (default 1)
  --nodes N     also run the same load with the clients spread over N relays
                (2-8) sharing a throwaway PostgreSQL and Redis (needs both
                installed), beside the single relay with its file store
  --against P   also run the same load against peers, one after the other, and
                print one table: P is a comma-separated list of hocuspocus and
                y-websocket (each in its default in-memory configuration,
                driven by an equally lean client of its own protocol)
  --json        print one JSON object only
  -h, --help    show this help

Environment:
  BENCH_RELAY_CPU_PROF=DIR      run the relay under node --cpu-prof, profiles in DIR
                                (summarise: npx tsx bench/relay/profile-summary.ts FILE)
  BENCH_HOSTILE_GUESTS=KINDS    with --hostile, only these guests (comma-separated:
                                bomber, flood, board-readers, churn, storm, spam)
  BENCH_RELAY_NODE_FLAGS=FLAGS  extra node flags for the relay process (experiments,
                                e.g. "--import /path/to/patch.mjs"); results are then
                                not those of the relay as shipped`;

export const CLIENT_KINDS = ['lean', 'socket.io'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export interface BenchOptions {
  clients: number;
  rateHz: number;
  seconds: number;
  warmupSeconds: number;
  threads: number;
  client: ClientKind;
  hostile: boolean;
  /** With `hostile`: how many (clean, hostile) pairs to run. */
  pairs: number;
  /** Peers to run the same load against, side by side with Easel ([]: Easel alone). */
  against: Peer[];
  /** With N > 1: also the same load over N relays on PostgreSQL + Redis (1: the single relay only). */
  nodes: number;
  json: boolean;
}

export type OptionsParse = BenchOptionsParse<BenchOptions>;

export function parseBenchOptions(argv: string[]): OptionsParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        clients: { type: 'string' },
        rate: { type: 'string' },
        seconds: { type: 'string' },
        warmup: { type: 'string' },
        threads: { type: 'string' },
        client: { type: 'string' },
        hostile: { type: 'boolean' },
        pairs: { type: 'string' },
        against: { type: 'string' },
        nodes: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };

  try {
    const clients = integer('--clients', values.clients, 50, 2, 1000);
    const parsed: OptionsParse = {
      kind: 'run',
      options: {
        clients,
        rateHz: decimal('--rate', values.rate, 20, 0.1, 1000),
        seconds: decimal('--seconds', values.seconds, 10, 0.5, 3600),
        warmupSeconds: decimal('--warmup', values.warmup, 2, 0, 600),
        threads: Math.min(integer('--threads', values.threads, 0, 0, 64), clients),
        client: clientKind(values.client),
        hostile: values.hostile ?? false,
        pairs: integer('--pairs', values.pairs, 1, 1, 10),
        against: peerList(values.against),
        nodes: values.nodes === undefined ? 1 : integer('--nodes', values.nodes, 1, 2, 8),
        json: values.json ?? false,
      },
    };
    const modes = [parsed.options.hostile, parsed.options.against.length > 0, parsed.options.nodes > 1];
    if (modes.filter(Boolean).length > 1) throw new OptionError('--hostile, --against and --nodes: run one at a time');
    return parsed;
  } catch (error) {
    if (error instanceof OptionError) return { kind: 'error', message: error.message };
    throw error;
  }
}

class OptionError extends Error {}

function peerList(text: string | undefined): Peer[] {
  if (text === undefined) return [];
  const named = text.split(',').map((name) => name.trim());
  const peers = named.map((name) => {
    const peer = PEERS.find((candidate) => candidate === name);
    if (!peer) throw new OptionError(`--against: expected a list of ${PEERS.join(', ')}, got ${text}`);
    return peer;
  });
  return [...new Set(peers)];
}

function clientKind(text: string | undefined): ClientKind {
  if (text === undefined) return 'lean';
  const kind = CLIENT_KINDS.find((candidate) => candidate === text);
  if (!kind) throw new OptionError(`--client: expected ${CLIENT_KINDS.join(' or ')}, got ${text}`);
  return kind;
}

function decimal(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new OptionError(`${flag}: expected a number from ${min} to ${max}, got ${text}`);
  return value;
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text !== undefined && !/^\d+$/.test(text)) throw new OptionError(`${flag}: expected a whole number, got ${text}`);
  return decimal(flag, text, fallback, min, max);
}

import { parseArgs } from 'node:util';
import { MAX_TOKEN_LENGTH } from '../shared/protocol';
import { DEFAULT_MEMORY_LIMITS, formatSize, type MemoryLimits, parseSize, SIZE_FLAGS } from './memory-limits';
import { DEFAULT_HOST, DEFAULT_PORT } from './relay';
import { BUDGET_FLAGS, type BudgetFlag, DEFAULT_RELAY_BUDGETS, flagDefault, type RelayBudgets } from './relay-budgets';

const budgetUsage = BUDGET_FLAGS.map((budget) => {
  const left = `  --${budget.flag} ${budget.fractional ? 'S' : 'N'}`;
  return `${left.padEnd(40)}${budget.help} (default ${flagDefault(budget)})`;
}).join('\n');

const sizeUsage = SIZE_FLAGS.map(({ flag, key, help }) =>
  [`  --${flag} SIZE`, ...wrap(`${help} (default ${formatSize(DEFAULT_MEMORY_LIMITS[key])})`, 72)].join('\n      '),
).join('\n');

export const USAGE = `Usage: npm run relay -- [options]
       npm run relay -- pass create|list|revoke …   (passes to one board; pass --help)

Runs the Easel relay: boards sync through it and are stored under --data-dir.

Options:
  --host HOST        interface to listen on (env HOST; default ${DEFAULT_HOST})
  --port PORT        port, 0 for any free one (env PORT; default ${DEFAULT_PORT})
  --data-dir DIR     where boards are stored (env DATA_DIR; default ./relay-data)
  --store URL        store boards in PostgreSQL instead, postgres://USER@HOST:PORT/DB
                     (env STORE_URL): several relays may share it (README: Scaling out)
  --redis URL        fan out to the other relays through Redis, redis://HOST:PORT
                     (env REDIS_URL; default none: this relay is the only node)
  --node NAME        this relay's name among its peers (env NODE_NAME; default
                     host-pid-random)
  --token TOKEN      require this access token from clients (env RELAY_TOKEN)
  --host-token TOKEN the host's token (env RELAY_HOST_TOKEN): it is also admitted
                     (every board, editor, even when locked), and it alone opens
                     the host API (/api/boards: list, rename, delete; passes,
                     locks, the join log); without it there is none
  --allow-origin O   also accept browser connections from origin O (repeatable)
  --allow-host NAME  also answer requests for host name NAME, or for a domain and
                     its subdomains with .NAME (repeatable); IP addresses and
                     localhost are always answered, other names get 403 (DNS rebinding)
  --web-root DIR     serve the built browser client from DIR (env WEB_ROOT; npm run build:web makes out/web)
  --log-level LEVEL  fatal, error, warn, info, debug or silent (env LOG_LEVEL; default info)
  -h, --help         show this help

Memory and disk (SIZE in bytes or with a binary unit: 512KiB, 64MiB, 1GiB):
${sizeUsage}

Limits and budgets (per IP: an IPv4 address, or an IPv6 /64; connections with
the host token, the desktop app's own windows, spend no handshake, auth-failure
or new-board budget, so the host never locks itself out):
${budgetUsage}`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface CliOptions {
  host: string;
  port: number;
  dataDir: string;
  /** `postgres://…` when boards live in PostgreSQL. */
  storeUrl: string | undefined;
  /** `redis://…` when this relay is one of several. */
  redisUrl: string | undefined;
  node: string | undefined;
  token: string | undefined;
  hostToken: string | undefined;
  allowedOrigins: string[];
  memory: MemoryLimits;
  /** Host names answered besides IP addresses, localhost and the listen host. */
  allowedHosts: string[];
  budgets: RelayBudgets;
  logLevel: LogLevel;
  /** The built browser client to serve; checked when the relay starts, not here. */
  webRoot: string | undefined;
}

export type CliParse = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** Flags win over environment variables; anything unknown or malformed is an error, never ignored. */
export function parseCliOptions(argv: string[], env: Record<string, string | undefined>): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        store: { type: 'string' },
        redis: { type: 'string' },
        node: { type: 'string' },
        token: { type: 'string' },
        'host-token': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
        ...Object.fromEntries(BUDGET_FLAGS.map((budget) => [budget.flag, { type: 'string' as const }])),
        'log-level': { type: 'string' },
        'web-root': { type: 'string' },
        ...Object.fromEntries(SIZE_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };

  const host = values.host ?? env.HOST ?? DEFAULT_HOST;
  if (!/^[A-Za-z0-9.:_-]+$/.test(host))
    return { kind: 'error', message: `--host: not a host name or address: ${host}` };

  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) return { kind: 'error', message: `--port: expected 0-65535, got ${portText}` };

  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? './relay-data';
  if (dataDir.trim() === '') return { kind: 'error', message: '--data-dir: must not be empty' };

  const storeUrl = values.store ?? (env.STORE_URL || undefined);
  if (storeUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(storeUrl)) {
    return { kind: 'error', message: '--store: expected postgres://USER@HOST:PORT/DB' };
  }
  const redisUrl = values.redis ?? (env.REDIS_URL || undefined);
  if (redisUrl !== undefined && !/^rediss?:\/\/\S+$/.test(redisUrl)) {
    return { kind: 'error', message: '--redis: expected redis://HOST:PORT (or rediss://)' };
  }
  const node = values.node ?? (env.NODE_NAME || undefined);
  if (node !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(node)) {
    return { kind: 'error', message: '--node: 1-100 letters, digits, dots, dashes or underscores' };
  }

  const token = values.token ?? env.RELAY_TOKEN;
  if (token !== undefined && (token.length === 0 || token.length > MAX_TOKEN_LENGTH)) {
    return { kind: 'error', message: `--token: must be 1-${MAX_TOKEN_LENGTH} characters` };
  }

  const hostToken = values['host-token'] ?? env.RELAY_HOST_TOKEN;
  if (hostToken !== undefined && (hostToken.length < 16 || hostToken.length > MAX_TOKEN_LENGTH)) {
    // It opens an API that deletes boards: a short one could be guessed.
    return { kind: 'error', message: `--host-token: must be 16-${MAX_TOKEN_LENGTH} characters` };
  }
  if (hostToken !== undefined && hostToken === token) {
    return { kind: 'error', message: '--host-token: must differ from --token (guests must not get the host token)' };
  }

  const allowedOrigins = values['allow-origin'] ?? [];
  for (const origin of allowedOrigins) {
    if (!/^(https?|app|file):\/\/[^\s/]*$/.test(origin)) {
      return { kind: 'error', message: `--allow-origin: not an origin (scheme://host[:port]): ${origin}` };
    }
  }

  const memory = { ...DEFAULT_MEMORY_LIMITS };
  for (const { flag, key } of SIZE_FLAGS) {
    const text = (values as Record<string, unknown>)[flag];
    if (typeof text !== 'string') continue;
    const bytes = parseSize(text);
    if (bytes === undefined)
      return { kind: 'error', message: `--${flag}: expected a size from 1KiB to 1TiB, got ${text}` };
    memory[key] = bytes;
  }
  if (memory.softSocketBufferBytes > memory.maxSocketBufferBytes) {
    return { kind: 'error', message: '--soft-socket-buffer: must not be more than --max-socket-buffer' };
  }

  const allowedHosts = values['allow-host'] ?? [];
  for (const name of allowedHosts) {
    if (!/^\.?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/.test(name)) {
      return { kind: 'error', message: `--allow-host: not a host name (or .domain): ${name}` };
    }
  }

  const budgets = { ...DEFAULT_RELAY_BUDGETS };
  for (const budget of BUDGET_FLAGS) {
    const text = (values as Record<string, unknown>)[budget.flag];
    if (typeof text !== 'string') continue;
    const value = parseBudget(budget, text);
    if (value === undefined) {
      const kind = budget.fractional ? 'a number of seconds' : 'a whole number';
      return {
        kind: 'error',
        message: `--${budget.flag}: expected ${kind} from ${minimumOf(budget)} to 1000000, got ${text}`,
      };
    }
    budgets[budget.key] = value;
  }

  const logLevel = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!isLogLevel(logLevel)) return { kind: 'error', message: `--log-level: one of ${LOG_LEVELS.join(', ')}` };

  const webRoot = values['web-root'] ?? (env.WEB_ROOT === '' ? undefined : env.WEB_ROOT);
  if (webRoot !== undefined && webRoot.trim() === '')
    return { kind: 'error', message: '--web-root: must not be empty' };

  return {
    kind: 'run',
    options: {
      host,
      port,
      dataDir,
      storeUrl,
      redisUrl,
      node,
      token,
      hostToken,
      allowedOrigins,
      allowedHosts,
      memory,
      budgets,
      logLevel,
      webRoot,
    },
  };
}

function minimumOf(budget: BudgetFlag): number {
  return budget.fractional ? 0.1 : 1;
}

/** The flag's text as the budget's value (ms for seconds), or undefined when it is not a number in range. */
function parseBudget(budget: BudgetFlag, text: string): number | undefined {
  const pattern = budget.fractional ? /^\d{1,7}(\.\d{1,3})?$/ : /^\d{1,7}$/;
  if (!pattern.test(text)) return undefined;
  const value = Number(text);
  if (value < minimumOf(budget) || value > 1_000_000) return undefined;
  return Math.round(value * budget.scale);
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Words into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

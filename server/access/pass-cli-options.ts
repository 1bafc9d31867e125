import { parseArgs } from 'node:util';
import { createPassRequestSchema, PASS_ID_PATTERN, type CreatePassRequest } from '../../shared/access';
import { BOARD_ID_PATTERN } from '../../shared/protocol';

export const PASS_USAGE = `Usage: npm run relay -- pass <command> [options]

Passes let one person or one link into one board, as an editor or a viewer.

Commands:
  pass create --board ID --role editor|viewer [--label TEXT] [--expires-in SECONDS]
                     make a pass and print its token and link (shown once)
  pass list --board ID
                     the board's passes (never their tokens)
  pass revoke PASS_ID
                     revoke a pass: whoever came in with it is cut off

Where:
  --data-dir DIR     the relay's data dir (env DATA_DIR; default ./relay-data).
                     With no relay running on it, the passes there are changed
                     directly; while a relay holds it, through that relay's host API
                     (it must have a --host-token; give the same one here)
  --url URL          go through the host API of the relay at URL instead (env RELAY_URL)
  --host-token TOKEN the relay's host token, for its API (env RELAY_HOST_TOKEN)
  --json             print JSON instead of sentences
  -h, --help         show this help`;

export type PassCommand =
  | { kind: 'create'; boardId: string; request: CreatePassRequest }
  | { kind: 'list'; boardId: string }
  | { kind: 'revoke'; passId: string };

export interface PassCliOptions {
  command: PassCommand;
  dataDir: string;
  url: string | undefined;
  hostToken: string | undefined;
  json: boolean;
}

export type PassCliParse =
  { kind: 'run'; options: PassCliOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** `pass …` arguments (after the word `pass`). Flags win over the environment; nothing unknown is ignored. */
export function parsePassCli(argv: string[], env: Record<string, string | undefined>): PassCliParse {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        board: { type: 'string' },
        role: { type: 'string' },
        label: { type: 'string' },
        'expires-in': { type: 'string' },
        'data-dir': { type: 'string' },
        url: { type: 'string' },
        'host-token': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const [verb, ...rest] = positionals;
  const command = readCommand(verb, rest, values);
  if ('message' in command) return { kind: 'error', message: command.message };

  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? './relay-data';
  if (dataDir.trim() === '') return { kind: 'error', message: '--data-dir: must not be empty' };
  const url = values.url ?? (env.RELAY_URL === '' ? undefined : env.RELAY_URL);
  if (url !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(url)) {
    return { kind: 'error', message: `--url: an http(s) address such as http://127.0.0.1:4455, got ${url}` };
  }
  const hostToken = values['host-token'] ?? (env.RELAY_HOST_TOKEN === '' ? undefined : env.RELAY_HOST_TOKEN);
  if (url !== undefined && hostToken === undefined) {
    return { kind: 'error', message: '--url: the relay’s API needs its --host-token (or RELAY_HOST_TOKEN)' };
  }
  return {
    kind: 'run',
    options: { command, dataDir, url: url?.replace(/\/$/, ''), hostToken, json: values.json ?? false },
  };
}

function readCommand(
  verb: string | undefined,
  rest: string[],
  values: { board?: string; role?: string; label?: string; 'expires-in'?: string },
): PassCommand | { message: string } {
  const board = () => {
    if (values.board === undefined) return { message: `pass ${verb}: --board ID is required` };
    if (!BOARD_ID_PATTERN.test(values.board)) return { message: '--board: letters, digits, _ and -, at most 64' };
    return values.board;
  };
  const noMore = rest.length > 0 ? { message: `pass ${verb}: unexpected ${rest.join(' ')}` } : null;
  switch (verb) {
    case 'create': {
      const boardId = board();
      if (typeof boardId !== 'string') return boardId;
      if (noMore) return noMore;
      const expires = values['expires-in'];
      if (expires !== undefined && !/^\d{1,10}$/.test(expires)) {
        return { message: `--expires-in: a whole number of seconds, got ${expires}` };
      }
      const request = createPassRequestSchema.safeParse({
        role: values.role,
        ...(values.label !== undefined && { label: values.label }),
        ...(expires !== undefined && { expiresInSeconds: Number(expires) }),
      });
      if (!request.success) {
        const issue = request.error.issues[0];
        const flag = { role: '--role', label: '--label', expiresInSeconds: '--expires-in' }[String(issue?.path[0])];
        const message = values.role === undefined ? 'editor or viewer is required' : (issue?.message ?? 'invalid');
        return { message: `${flag ?? 'pass create'}: ${message}` };
      }
      return { kind: 'create', boardId, request: request.data };
    }
    case 'list': {
      const boardId = board();
      if (typeof boardId !== 'string') return boardId;
      return noMore ?? { kind: 'list', boardId };
    }
    case 'revoke': {
      const [passId, ...extra] = rest;
      if (passId === undefined) return { message: 'pass revoke: which pass? (PASS_ID, from pass list)' };
      if (extra.length > 0) return { message: `pass revoke: unexpected ${extra.join(' ')}` };
      if (!PASS_ID_PATTERN.test(passId)) return { message: `pass revoke: ${passId} is not a pass id` };
      return { kind: 'revoke', passId };
    }
    case undefined:
      return { message: 'pass: which command? create, list or revoke' };
    default:
      return { message: `pass: unknown command ${verb} (create, list or revoke)` };
  }
}

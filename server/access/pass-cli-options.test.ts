import { describe, expect, it } from 'vitest';
import { parsePassCli } from './pass-cli-options';

const parse = (args: string[], env: Record<string, string> = {}) => parsePassCli(args, env);

describe('parsePassCli', () => {
  it('reads the three commands', () => {
    expect(parse(['create', '--board', 'b', '--role', 'viewer', '--label', ' Wall ', '--expires-in', '3600'])).toEqual({
      kind: 'run',
      options: {
        command: { kind: 'create', boardId: 'b', request: { role: 'viewer', label: 'Wall', expiresInSeconds: 3600 } },
        dataDir: './relay-data',
        url: undefined,
        hostToken: undefined,
        json: false,
      },
    });
    expect(parse(['list', '--board', 'b', '--json'])).toMatchObject({
      options: { command: { kind: 'list', boardId: 'b' }, json: true },
    });
    expect(parse(['revoke', 'AAAAAAAAAAAAAAAA'])).toMatchObject({
      options: { command: { kind: 'revoke', passId: 'AAAAAAAAAAAAAAAA' } },
    });
    expect(parse(['--help'])).toEqual({ kind: 'help' });
  });

  it('takes the data dir, the relay and its token from flags or the environment, flags first', () => {
    const env = { DATA_DIR: '/env/dir', RELAY_URL: 'http://10.0.0.2:4455', RELAY_HOST_TOKEN: 'env-token-0123456789' };
    expect(parse(['list', '--board', 'b'], env)).toMatchObject({
      options: { dataDir: '/env/dir', url: 'http://10.0.0.2:4455', hostToken: 'env-token-0123456789' },
    });
    expect(parse(['list', '--board', 'b', '--data-dir', '/flag', '--url', 'https://r.example/'], env)).toMatchObject({
      options: { dataDir: '/flag', url: 'https://r.example' },
    });
  });

  it('refuses what it cannot do, naming the flag', () => {
    const problems: [string[], string][] = [
      [['create', '--board', 'b'], '--role: editor or viewer is required'],
      [['create', '--board', 'b', '--role', 'owner'], '--role:'],
      [['create', '--board', 'b', '--role', 'viewer', '--expires-in', '10'], '--expires-in: a pass lasts at least'],
      [['create', '--board', 'b', '--role', 'viewer', '--expires-in', '1h'], '--expires-in: a whole number'],
      [['create', '--board', 'b', '--role', 'viewer', '--label', 'x'.repeat(81)], '--label:'],
      [['create', '--role', 'viewer'], '--board ID is required'],
      [['create', '--board', 'no spaces', '--role', 'viewer'], '--board:'],
      [['list', '--board', 'b', 'extra'], 'unexpected extra'],
      [['revoke'], 'which pass?'],
      [['revoke', 'short'], 'short is not a pass id'],
      [['promote'], 'unknown command promote'],
      [[], 'which command?'],
      [['list', '--board', 'b', '--color', 'red'], "Unknown option '--color'"],
      [['list', '--board', 'b', '--url', 'ftp://x'], '--url: an http(s) address'],
      [['list', '--board', 'b', '--url', 'http://x:1'], 'needs its --host-token'],
    ];
    for (const [args, says] of problems) {
      const result = parse(args);
      expect(result, args.join(' ')).toMatchObject({ kind: 'error' });
      expect(result.kind === 'error' && result.message, args.join(' ')).toContain(says);
    }
  });
});

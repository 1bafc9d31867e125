import { describe, expect, it } from 'vitest';
import { parseCliOptions, USAGE } from './cli-options';
import { BUDGET_FLAGS, DEFAULT_RELAY_BUDGETS } from './relay-budgets';

describe('parseCliOptions', () => {
  it('uses defaults, then environment, then flags', () => {
    expect(parseCliOptions([], {})).toEqual({
      kind: 'run',
      options: {
        host: '127.0.0.1',
        port: 4455,
        dataDir: './relay-data',
        storeUrl: undefined,
        redisUrl: undefined,
        node: undefined,
        token: undefined,
        hostToken: undefined,
        allowedOrigins: [],
        memory: {
          maxBoardBytes: 64 * 1024 ** 2,
          softSocketBufferBytes: 4 * 1024 ** 2,
          maxSocketBufferBytes: 32 * 1024 ** 2,
          maxFileBytes: 25 * 1024 ** 2,
          maxBoardFileBytes: 256 * 1024 ** 2,
        },
        allowedHosts: [],
        budgets: DEFAULT_RELAY_BUDGETS,
        logLevel: 'info',
        webRoot: undefined,
      },
    });
    const fromEnv = parseCliOptions([], { HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/srv/easel', RELAY_TOKEN: 't' });
    expect(fromEnv).toMatchObject({
      kind: 'run',
      options: { host: '0.0.0.0', port: 0, dataDir: '/srv/easel', token: 't' },
    });
    expect(
      parseCliOptions(['--store', 'postgres://easel@db:5432/easel', '--node', 'relay-1'], {
        REDIS_URL: 'redis://r:6379',
      }),
    ).toMatchObject({
      options: { storeUrl: 'postgres://easel@db:5432/easel', redisUrl: 'redis://r:6379', node: 'relay-1' },
    });
    for (const [flag, value] of [
      ['--store', 'mysql://x'],
      ['--redis', 'http://r'],
      ['--node', 'a b'],
    ] as const) {
      expect(parseCliOptions([flag, value], {})).toMatchObject({ kind: 'error' });
    }
    const flagsWin = parseCliOptions(['--port', '9000', '--token', 'flag'], { PORT: '1', RELAY_TOKEN: 'env' });
    expect(flagsWin).toMatchObject({ kind: 'run', options: { port: 9000, token: 'flag' } });
    expect(parseCliOptions(['--host-token', 'h'.repeat(16)], { RELAY_HOST_TOKEN: 'e'.repeat(16) })).toMatchObject({
      options: { hostToken: 'h'.repeat(16) },
    });
    expect(parseCliOptions([], { RELAY_HOST_TOKEN: 'e'.repeat(16) })).toMatchObject({
      options: { hostToken: 'e'.repeat(16) },
    });
    expect(parseCliOptions(['--allow-origin', 'app://easel', '--allow-origin', 'http://h:1'], {})).toMatchObject({
      options: { allowedOrigins: ['app://easel', 'http://h:1'] },
    });
  });

  it('rejects anything malformed with a message naming the flag', () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'abc'], /--port/],
      [['--port', '65536'], /--port/],
      [['--port', '-1'], /port/],
      [['--host', 'a b'], /--host/],
      [['--data-dir', ' '], /--data-dir/],
      [['--token', ''], /--token/],
      [['--host-token', 'short'], /--host-token: must be 16/],
      [['--host-token', 'x'.repeat(600)], /--host-token/],
      [['--token', 'same-token-123456', '--host-token', 'same-token-123456'], /must differ/],
      [['--log-level', 'loud'], /--log-level/],
      [['--allow-origin', 'evil'], /--allow-origin/],
      [['--web-root', ''], /--web-root/],
      [['--web-root', '  '], /--web-root/],
      [['--web-root'], /web-root/],
      [['--allow-host', 'evil.example/x'], /--allow-host/],
      [['--allow-host', 'a b'], /--allow-host/],
      [['--max-connections-per-ip', '0'], /--max-connections-per-ip: expected a whole number/],
      [['--max-connections-per-ip', '1.5'], /--max-connections-per-ip/],
      [['--max-boards-per-connection', '-1'], /--max-boards-per-connection/],
      [['--new-boards-per-ip-per-hour', '2000000'], /--new-boards-per-ip-per-hour/],
      [['--handshake-timeout-seconds', '0'], /--handshake-timeout-seconds: expected a number of seconds/],
      [['--auth-lockout-seconds', 'soon'], /--auth-lockout-seconds/],
      [['--bogus'], /bogus/],
      [['--max-board-bytes', 'lots'], /--max-board-bytes: expected a size/],
      [['--max-board-bytes', '12'], /--max-board-bytes/],
      [['--max-board-bytes', '2TiB'], /--max-board-bytes/],
      [['--max-socket-buffer', '1MiB'], /--soft-socket-buffer: must not be more/],
      [['positional'], /positional|argument/i],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseCliOptions(argv, {});
      expect(parsed.kind, argv.join(' ')).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
    }
    expect(parseCliOptions([], { PORT: 'eighty' })).toMatchObject({ kind: 'error' });
  });

  it('takes --web-root from the flag, else WEB_ROOT (an empty WEB_ROOT counts as unset)', () => {
    expect(parseCliOptions(['--web-root', 'out/web'], {})).toMatchObject({ options: { webRoot: 'out/web' } });
    expect(parseCliOptions([], { WEB_ROOT: '/srv/easel-web' })).toMatchObject({
      options: { webRoot: '/srv/easel-web' },
    });
    expect(parseCliOptions(['--web-root=flag'], { WEB_ROOT: 'env' })).toMatchObject({ options: { webRoot: 'flag' } });
    expect(parseCliOptions([], { WEB_ROOT: '' })).toMatchObject({ kind: 'run', options: { webRoot: undefined } });
    expect(parseCliOptions([], { WEB_ROOT: ' ' })).toMatchObject({ kind: 'error' });
  });

  it('reads sizes in bytes or binary units', () => {
    expect(
      parseCliOptions(
        ['--max-board-bytes', '16MiB', '--soft-socket-buffer', '512k', '--max-socket-buffer', '1048576'],
        {},
      ),
    ).toMatchObject({
      options: {
        memory: { maxBoardBytes: 16 * 1024 ** 2, softSocketBufferBytes: 512 * 1024, maxSocketBufferBytes: 1024 ** 2 },
      },
    });
    expect(parseCliOptions(['--max-board-bytes', '1.5 GiB'], {})).toMatchObject({
      options: { memory: { maxBoardBytes: 1.5 * 1024 ** 3 } },
    });
    expect(parseCliOptions(['--max-file-bytes', '10MiB', '--max-board-file-bytes', '1GiB'], {})).toMatchObject({
      options: { memory: { maxFileBytes: 10 * 1024 ** 2, maxBoardFileBytes: 1024 ** 3 } },
    });
  });

  it('takes --allow-host names and every budget flag, seconds as milliseconds', () => {
    const parsed = parseCliOptions(
      [
        ...['--allow-host', 'easel.example.com', '--allow-host', '.corp.example'],
        ...['--max-boards-per-connection', '5', '--new-boards-per-ip-per-hour', '7'],
        ...['--max-connections-per-ip', '9', '--handshakes-per-ip-per-minute', '11'],
        ...['--handshake-timeout-seconds', '1.5', '--max-auth-failures-per-ip', '3'],
        ...['--auth-lockout-seconds', '30', '--max-open-logs', '16'],
        ...['--max-image-megapixels', '12'],
      ],
      {},
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      options: {
        allowedHosts: ['easel.example.com', '.corp.example'],
        budgets: {
          maxBoardsPerConnection: 5,
          newBoardsPerAddressPerHour: 7,
          maxConnectionsPerAddress: 9,
          handshakesPerAddressPerMinute: 11,
          handshakeTimeoutMs: 1_500,
          maxAuthFailuresPerAddress: 3,
          authLockoutMs: 30_000,
          maxOpenLogs: 16,
          maxImagePixels: 12_000_000,
        },
      },
    });
  });

  it('lists every budget flag with its default in --help', () => {
    for (const budget of BUDGET_FLAGS) expect(USAGE).toMatch(new RegExp(`--${budget.flag} [NS] .*\\(default \\d+\\)`));
    expect(USAGE).toContain('--allow-host NAME');
  });

  it('recognises --help', () => {
    expect(parseCliOptions(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCliOptions(['-h'], {})).toEqual({ kind: 'help' });
  });
});

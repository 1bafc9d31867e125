import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('uses defaults, then environment, then flags', () => {
    expect(parseCliOptions([], {})).toEqual({
      kind: 'run',
      options: {
        host: '127.0.0.1',
        port: 4455,
        dataDir: './relay-data',
        token: undefined,
        hostToken: undefined,
        allowedOrigins: [],
        memory: {
          maxBoardBytes: 64 * 1024 ** 2,
          softSocketBufferBytes: 4 * 1024 ** 2,
          maxSocketBufferBytes: 32 * 1024 ** 2,
        },
        logLevel: 'info',
        webRoot: undefined,
      },
    });
    const fromEnv = parseCliOptions([], { HOST: '0.0.0.0', PORT: '0', DATA_DIR: '/srv/easel', RELAY_TOKEN: 't' });
    expect(fromEnv).toMatchObject({
      kind: 'run',
      options: { host: '0.0.0.0', port: 0, dataDir: '/srv/easel', token: 't' },
    });
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
  });

  it('recognises --help', () => {
    expect(parseCliOptions(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCliOptions(['-h'], {})).toEqual({ kind: 'help' });
  });
});

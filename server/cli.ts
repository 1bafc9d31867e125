import pino from 'pino';
import { runPassCli } from './access/pass-cli';
import { PASS_USAGE, parsePassCli } from './access/pass-cli-options';
import { parseCliOptions, USAGE } from './cli-options';
import { createRelay, type RelayHandle } from './relay';
import { WebRootError } from './transport/static-client';

/**
 * `npm run relay`: the standalone relay. Prints `listening on http://HOST:PORT`
 * once it accepts connections (and, with --web-root, `open http://…/ in a
 * browser`), logs one JSON line per event, and on SIGTERM or SIGINT flushes
 * every board before exiting 0. Bad flags, or a web root without a built
 * client, exit 2.
 */
async function main(): Promise<void> {
  if (process.argv[2] === 'pass') return passCommand(process.argv.slice(3));
  const parsed = parseCliOptions(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`easel relay: ${parsed.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const { options } = parsed;
  const log = pino({ level: options.logLevel, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });

  let relay: RelayHandle;
  try {
    relay = await createRelay({
      host: options.host,
      port: options.port,
      dataDir: options.dataDir,
      storeUrl: options.storeUrl,
      redisUrl: options.redisUrl,
      node: options.node,
      token: options.token,
      hostToken: options.hostToken,
      allowedOrigins: options.allowedOrigins,
      maxBoardBytes: options.memory.maxBoardBytes,
      maxFileBytes: options.memory.maxFileBytes,
      maxBoardFileBytes: options.memory.maxBoardFileBytes,
      backpressure: {
        softBytes: options.memory.softSocketBufferBytes,
        hardBytes: options.memory.maxSocketBufferBytes,
      },
      allowedHosts: options.allowedHosts,
      budgets: options.budgets,
      webRoot: options.webRoot,
      logger: log,
    });
  } catch (error) {
    if (error instanceof WebRootError) {
      process.stderr.write(`easel relay: --web-root: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    log.fatal({ err: String(error) }, 'relay failed to start');
    process.stderr.write(`easel relay: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  log.info(
    {
      url: relay.url,
      dataDir: options.storeUrl ? undefined : options.dataDir,
      token: options.token !== undefined,
      webRoot: options.webRoot,
    },
    'relay started',
  );
  process.stdout.write(`listening on ${relay.url}\n`);
  if (options.webRoot !== undefined) {
    const wildcard = relay.host === '0.0.0.0' || relay.host === '::';
    const url = wildcard ? `http://localhost:${relay.port}/` : `${relay.url}/`;
    process.stdout.write(
      `open ${url} in a browser${wildcard ? " (other machines: this machine's address, same port)" : ''}\n`,
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal; exiting without waiting for the flush');
      process.exit(130);
    }
    stopping = true;
    log.info({ signal }, 'shutting down; flushing boards');
    relay.close().then(
      () => {
        log.info({}, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.fatal({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** `npm run relay -- pass …`: see access/pass-cli.ts. Exits 2 on bad flags, 1 when the command failed. */
async function passCommand(argv: string[]): Promise<void> {
  const parsed = parsePassCli(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${PASS_USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`easel relay pass: ${parsed.message}\n\n${PASS_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await runPassCli(parsed.options, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}

void main();

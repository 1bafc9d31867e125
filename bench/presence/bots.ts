import { Worker } from 'node:worker_threads';

/** What the worker needs to put headless people on a board. */
export interface BotsConfig {
  url: string;
  boardId: string;
  count: number;
  rateHz: number;
}

/** Worker → main thread. */
export type BotsReport =
  | { type: 'joined' }
  | { type: 'running' }
  | { type: 'stopped'; perSecond: number; disconnected: number }
  | { type: 'failed'; message: string };

/** Main thread → worker. */
export type BotsCommand = { type: 'run' } | { type: 'stop' };

/** The headless people of one run, in a worker thread so their traffic does not slow the bench's own timing. */
export interface Bots {
  /** Starts publishing presence at the configured rate. */
  run(): Promise<void>;
  /** Stops, disconnects, and says how many presence updates a second went out and how many people dropped meanwhile. */
  stop(): Promise<{ perSecond: number; disconnected: number }>;
}

/** Connects `count` headless people and joins them to the board; resolves once all have joined. */
export async function startBots(config: BotsConfig): Promise<Bots> {
  if (config.count === 0) return { run: async () => undefined, stop: async () => ({ perSecond: 0, disconnected: 0 }) };
  const worker = new Worker(new URL('./bot-worker.ts', import.meta.url), { workerData: config });
  let failure: Error | null = null;
  const waiters: ((report: BotsReport) => void)[] = [];
  const failed = new Promise<never>((_, reject) => {
    worker.on('message', (report: BotsReport) => {
      if (report.type === 'failed') {
        failure = new Error(`headless people: ${report.message}`);
        return reject(failure);
      }
      waiters.shift()?.(report);
    });
    worker.on('error', (error) => reject((failure = error)));
    worker.on('exit', (code) => reject((failure ??= new Error(`headless people's worker exited (${code})`))));
  });
  failed.catch(() => undefined); // surfaced by the next call instead
  const next = <T extends BotsReport['type']>(type: T) =>
    Promise.race([
      failed,
      new Promise<Extract<BotsReport, { type: T }>>((resolve, reject) =>
        waiters.push((report) =>
          report.type === type
            ? resolve(report as Extract<BotsReport, { type: T }>)
            : reject(new Error(`headless people: expected ${type}, got ${report.type}`)),
        ),
      ),
    ]);
  const send = (command: BotsCommand) => {
    if (failure) throw failure;
    worker.postMessage(command);
  };
  await next('joined');
  return {
    async run() {
      send({ type: 'run' });
      await next('running');
    },
    async stop() {
      send({ type: 'stop' });
      const { perSecond, disconnected } = await next('stopped');
      await worker.terminate();
      return { perSecond, disconnected };
    },
  };
}

import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/support/browser';
import type { RelayProcess } from '../tests/support/relay-process';
import { runBenchCli } from './support/cli';
import { withRelayAndBrowser } from './support/relay-and-browser';
import { startBots } from './presence/bots';
import { type Frame, frameRate, jumpLatencies, receiptLatencies, type Sample, sweepLags } from './presence/latency';
import { parsePresenceOptions, type PresenceBenchOptions, USAGE } from './presence/options';
import {
  installReceiptProbe,
  PAGE_NAME_SHIM,
  startCursorFrames,
  startPointerLog,
  stopCursorFrames,
  takeCursorFrames,
  takePointerLog,
  takeReceipts,
} from './presence/page-probe';
import { type CanvasPoint, JUMP_INTERVAL_MS, jumpTargets, SWEEP_RATE_HZ, sweepPlan } from './presence/plan';
import { formatTable, type PeopleResult, type PresenceBenchResult, saveResult, verdictOf } from './presence/report';
import { processIoBytes } from './presence/wire';
import { processCpuSeconds } from './relay/cpu';
import { summarize } from './relay/stats';

/**
 * `npm run bench:presence`: per board size N, the Mover and the Watcher in
 * headless Chromium on the relay-served client and N-2 headless protocol
 * clients publishing presence; the Mover's mouse jumps and sweeps, and the
 * Watcher's frames show when its cursor got there (options.ts says more).
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
/** Background pages must keep their frames and timers: both pages measure. */
const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
const READY_TIMEOUT_MS = 60_000;
const WARMUP_MS = 1_000;
/** After the last move, time for the Watcher to draw it. */
const TAIL_MS = 1_000;

const progress = (line: string) => process.stderr.write(`[bench:presence] ${line}\n`);

async function main(options: PresenceBenchOptions): Promise<number> {
  const startedAt = new Date().toISOString();
  return withRelayAndBrowser(
    { name: 'presence', skipBuild: options.skipBuild, progress, chromiumArgs: BENCH_CHROMIUM_ARGS },
    async (relay, browser) => {
      const results: PeopleResult[] = [];
      for (const people of options.people) results.push(await runPeople(browser, relay, people, options));
      const result: PresenceBenchResult = {
        startedAt,
        options: { people: options.people, rateHz: options.rateHz, jumps: options.jumps, sweeps: options.sweeps },
        environment: {
          chromium: browser.version(),
          viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
          node: process.version,
          cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
          cores: os.availableParallelism(),
          clock: 'Date.now() in both pages, one browser, one machine',
          loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
        },
        target: verdictOf(results),
        results,
      };
      process.stdout.write(`${formatTable(result)}\n`);
      const file = await saveResult(path.join(repoRoot, 'bench/results'), result);
      progress(`saved ${path.relative(repoRoot, file)}`);
      return 0;
    },
  );
}

async function runPeople(
  browser: Browser,
  relay: RelayProcess,
  people: number,
  options: PresenceBenchOptions,
): Promise<PeopleResult> {
  const boardId = `presence-${people}`;
  const [mover, watcher] = await Promise.all([
    openPage(browser, relay.url, boardId, 'Mover'),
    openPage(browser, relay.url, boardId, 'Watcher', (page) => page.addInitScript(installReceiptProbe, 'Mover')),
  ]);
  const bots = await startBots({ url: relay.url, boardId, count: people - 2, rateHz: options.rateHz });
  try {
    await bots.run();
    const canvas = await mover.locator('[data-testid="board-canvas"]').boundingBox();
    if (!canvas) throw new Error('the Mover has no canvas');
    const moveTo = (point: CanvasPoint) => mover.mouse.move(canvas.x + point.x, canvas.y + point.y);
    const targets = jumpTargets(options.jumps);
    await moveTo({ x: targets[0]!.x - 50, y: targets[0]!.y });
    await watcher
      .locator('[data-testid="remote-cursor"]')
      .nth(people - 2)
      .waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
    await watcher.locator('[data-testid="remote-cursor"][data-name="Mover"]').waitFor({ timeout: READY_TIMEOUT_MS });
    progress(`${boardId}: the Watcher sees ${people - 1} cursors; measuring`);
    await sleep(WARMUP_MS);

    const profiler = options.cpuProfileDir ? await startCpuProfile(watcher) : undefined;
    await mover.evaluate(startPointerLog);
    await watcher.evaluate(startCursorFrames, 'Mover');
    const cpuBefore = processCpuSeconds(relay.pid);
    const ioBefore = processIoBytes(relay.pid);
    const startedAt = performance.now();

    await playAt(
      targets.map((point, k) => ({ atMs: k * JUMP_INTERVAL_MS, point })),
      moveTo,
    );
    await sleep(JUMP_INTERVAL_MS);
    const jumps = samples(await mover.evaluate(takePointerLog));
    const sweepStep = 1000 / SWEEP_RATE_HZ;
    for (const sweep of sweepPlan(options.sweeps)) {
      await moveTo({ x: sweep.xs[0]!, y: sweep.y });
      await sleep(JUMP_INTERVAL_MS); // the cursor settles at the start before the sweep
      await playAt(
        sweep.xs.slice(1).map((x, i) => ({ atMs: i * sweepStep, point: { x, y: sweep.y } })),
        moveTo,
      );
    }
    await sleep(TAIL_MS);

    const seconds = (performance.now() - startedAt) / 1000;
    const cpuSeconds = processCpuSeconds(relay.pid) - cpuBefore;
    const ioAfter = processIoBytes(relay.pid);
    const sweepPointer = samples(await mover.evaluate(takePointerLog));
    const frames = framesOf(await watcher.evaluate(takeCursorFrames));
    const receipts = samples(await watcher.evaluate(takeReceipts));
    await watcher.evaluate(stopCursorFrames);
    if (profiler && options.cpuProfileDir) {
      const file = path.join(options.cpuProfileDir, `presence-${people}.cpuprofile`);
      await profiler.stopInto(file);
      progress(`${boardId}: the Watcher's CPU profile is in ${file}`);
    }
    const { perSecond, disconnected } = await bots.stop();

    const jump = jumpLatencies(jumps, frames);
    const lags = sweepLags(sweepPointer, frames);
    const cpuPercent = (cpuSeconds / seconds) * 100;
    progress(
      `${boardId}: ${jumps.length} jumps (arrival p95 ${summarize(jump.arrival).p95.toFixed(1)} ms), ` +
        `${lags.length} sweep frames, relay ${cpuPercent.toFixed(0)} % CPU`,
    );
    if (jumps.length !== targets.length)
      progress(`${boardId}: ${jumps.length} pointer moves logged, ${targets.length} made`);
    return {
      people,
      headless: people - 2,
      jump: {
        jumps: jumps.length,
        receipt: summarize(receiptLatencies(jumps, receipts)),
        transit: summarize(jump.transit),
        arrival: summarize(jump.arrival),
        superseded: jump.superseded,
        unseen: jump.unseen,
        notAtRest: jump.notAtRest,
      },
      sweep: { lag: summarize(lags) },
      watcherFps: frameRate(frames),
      seconds,
      relay: {
        inBytesPerSecond: (ioAfter.read - ioBefore.read) / seconds,
        outBytesPerSecond: (ioAfter.written - ioBefore.written) / seconds,
        cpuPercent,
        activeCursors: people - 1,
        cpuPercentPerActiveCursor: cpuPercent / (people - 1),
      },
      headlessUpdatesPerSecond: perSecond,
      headlessDropped: disconnected,
    };
  } finally {
    await Promise.all([mover, watcher].map((page) => page.context().close()));
  }
}

/** A page of its own (own storage and identity) on the board, once it says Saved; `prepare` runs before it loads. */
async function openPage(
  browser: Browser,
  url: string,
  boardId: string,
  name: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(PAGE_NAME_SHIM);
  const page = await context.newPage();
  await prepare?.(page);
  await page.goto(`${url}/b/${boardId}?name=${name}`);
  await page.locator('[data-testid="save-status"]', { hasText: /^Saved$/ }).waitFor({ timeout: READY_TIMEOUT_MS });
  return page;
}

/** The page's CPU profile through the DevTools protocol, written as a .cpuprofile. */
async function startCpuProfile(page: Page): Promise<{ stopInto(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stopInto(file) {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

/** Makes each move at its time from now (late ones at once, in order; none skipped). */
async function playAt(
  steps: readonly { atMs: number; point: CanvasPoint }[],
  moveTo: (point: CanvasPoint) => Promise<void>,
): Promise<void> {
  const t0 = performance.now();
  for (const step of steps) {
    const wait = t0 + step.atMs - performance.now();
    if (wait > 1) await sleep(wait);
    await moveTo(step.point);
  }
}

const samples = (flat: number[]): Sample[] =>
  Array.from({ length: flat.length / 3 }, (_, i) => ({ t: flat[3 * i]!, x: flat[3 * i + 1]!, y: flat[3 * i + 2]! }));

const framesOf = (flat: number[]): Frame[] =>
  samples(flat).map(({ t, x, y }) => ({ t, x: Number.isNaN(x) ? null : x, y: Number.isNaN(y) ? null : y }));

runBenchCli('bench:presence', USAGE, parsePresenceOptions, main);

import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { runBenchCli } from './support/cli';
import { withRelayAndBrowser } from './support/relay-and-browser';
import { inputScript } from './render/input-script';
import { parseRenderOptions, type RenderBenchOptions, USAGE } from './render/options';
import {
  joinProbeScript,
  PAGE_NAME_SHIM,
  type ProbeResult,
  readJoinProbe,
  startFrameProbe,
  stopFrameProbe,
} from './render/page-probe';
import { joinRemotePeer, type RemotePeerResult } from './render/remote-peer';
import {
  bigBoardVerdicts,
  formatTable,
  type RenderBenchResult,
  saveResult,
  type SizeResult,
  verdictOf,
} from './render/report';
import { seedBoard } from './render/seed';
import { BOARD_AREA, generateShapes } from './render/shapes';
import { generateImageBoard, uploadImageFiles } from './render/images';
import type { Shape } from '../shared/model';
import { frameStats, snapToVsync, VSYNC_MS } from './render/stats';

/**
 * `npm run bench:render`: per board size N, seed a board of N mixed shapes
 * into a real relay process through the protocol, open it in headless
 * Chromium, play scripted wheel pan/zoom and report animation-frame times.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
const RATE_HZ = 60;
const LOAD_TIMEOUT_MS = 180_000;
const IDLE_MS = 1_000;
const MAX_IN_FLIGHT = 4;

const progress = (line: string) => process.stderr.write(`[bench:render] ${line}\n`);

async function main(options: RenderBenchOptions): Promise<number> {
  const startedAt = new Date().toISOString();
  return withRelayAndBrowser({ name: 'render', skipBuild: options.skipBuild, progress }, async (relay, browser) => {
    const emptyBoardBytes = await emptyBoardHeap(browser, relay.url);
    progress(`an empty board's page: ${(emptyBoardBytes / 1e6).toFixed(1)} MB of JS heap`);
    const results: SizeResult[] = [];
    for (const size of options.sizes) {
      const board = { boardId: `bench-${size}`, kind: 'mixed' as const, shapes: generateShapes(size, size) };
      results.push(await runSize(browser, relay.url, board, options, emptyBoardBytes));
    }
    if (options.images > 0) {
      const { shapes, files } = generateImageBoard(options.images);
      const board = {
        boardId: `bench-images-${options.images}`,
        kind: 'images' as const,
        shapes,
        // After the seed, whose join makes the board: the relay keeps files only for a board it has.
        // No page opens the board before both are there, so no one sees a shape without its file.
        after: (url: string, boardId: string) => uploadImageFiles(url, boardId, files),
      };
      results.push(await runSize(browser, relay.url, board, options, emptyBoardBytes));
    }
    const result: RenderBenchResult = {
      startedAt,
      options: {
        sizes: options.sizes,
        seconds: options.seconds,
        remoteEdits: options.remoteEdits,
        images: options.images,
      },
      environment: {
        chromium: browser.version(),
        rendering: 'software (--disable-gpu)',
        viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
        node: process.version,
        cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
        cores: os.availableParallelism(),
      },
      target: verdictOf(results),
      bigBoardTargets: bigBoardVerdicts(results, options.remoteEdits),
      results,
    };
    process.stdout.write(`${formatTable(result)}\n`);
    const file = await saveResult(path.join(repoRoot, 'bench/results'), result);
    progress(`saved ${path.relative(repoRoot, file)}`);
    return 0;
  });
}

interface BenchBoard {
  boardId: string;
  kind: 'mixed' | 'images';
  shapes: Shape[];
  /** Runs once the shapes are seeded, before the page opens (the images' files). */
  after?(url: string, boardId: string): Promise<void>;
}

async function runSize(
  browser: Browser,
  url: string,
  board: BenchBoard,
  options: RenderBenchOptions,
  emptyBoardBytes: number,
): Promise<SizeResult> {
  const { seconds, cpuProfileDir, remoteEdits } = options;
  const { boardId, shapes } = board;
  const size = shapes.length;
  const seed = await seedBoard(url, boardId, shapes);
  if (board.after) {
    const started = performance.now();
    await board.after(url, boardId);
    progress(`${boardId}: files uploaded in ${(performance.now() - started).toFixed(0)} ms`);
  }
  progress(
    `${boardId}: seeded ${size} shapes in ${seed.updates} updates, ${(seed.bytes / 1e6).toFixed(1)} MB, ${seed.ms.toFixed(0)} ms`,
  );

  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(PAGE_NAME_SHIM);
    await context.addInitScript(joinProbeScript(size));
    const page = await context.newPage();
    page.on('pageerror', (error) => progress(`${boardId}: page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        progress(`${boardId}: console: ${message.text()}`);
    });
    const loadStart = performance.now();
    await page.goto(`${url}/b/${boardId}?name=bench`);
    const canvas = page.locator(`[data-testid="board-canvas"][data-shape-count="${size}"]`);
    await canvas.waitFor({ state: 'attached', timeout: LOAD_TIMEOUT_MS });
    const loadMs = performance.now() - loadStart;
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the board canvas has no box');
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    progress(`${boardId}: loaded in ${loadMs.toFixed(0)} ms; canvas ${box.width.toFixed(0)}x${box.height.toFixed(0)}`);

    await page.waitForFunction(() => {
      const state = (globalThis as unknown as { __easelJoinProbe?: { paintedAt: number } }).__easelJoinProbe;
      return (state?.paintedAt ?? -1) >= 0;
    });
    const join = await page.evaluate(readJoinProbe);
    const usedBytes = await usedHeap(page);
    const heap = { usedBytes, emptyBoardBytes, bytesPerShape: (usedBytes - emptyBoardBytes) / size };
    progress(
      `${boardId}: first frame with every shape ${join.allAt.toFixed(0)}-${join.paintedAt.toFixed(0)} ms after navigation; ` +
        `heap ${(usedBytes / 1e6).toFixed(1)} MB, ${heap.bytesPerShape.toFixed(0)} B/shape`,
    );

    await page.mouse.move(centre.x, centre.y);
    await centreView(page, box.width, box.height);
    await sleep(500);

    await page.evaluate(startFrameProbe);
    await sleep(IDLE_MS);
    const idle = await page.evaluate(stopFrameProbe);

    let still: { peer: RemotePeerResult; frames: ProbeResult } | null = null;
    if (remoteEdits > 0) {
      const peer = await joinRemotePeer(url, boardId, remoteEdits);
      await page.evaluate(startFrameProbe);
      void peer.run();
      await sleep(seconds * 1000);
      const frames = await page.evaluate(stopFrameProbe);
      still = { peer: await peer.stop(), frames };
      progress(
        `${boardId}: ${remoteEdits} remote edits/s, no input: ${frameStats(snapToVsync(frames.deltas)).droppedFrames} frames dropped`,
      );
    }
    const panPeer = remoteEdits > 0 ? await joinRemotePeer(url, boardId, remoteEdits) : null;

    const steps = inputScript(seconds, RATE_HZ);
    const profiler = cpuProfileDir ? await startCpuProfile(page) : undefined;
    await page.evaluate(startFrameProbe);
    void panPeer?.run();
    // Playwright's wheel resolves only once Chromium has handled the event (about a frame), so
    // awaiting each one would halve the rate: keep up to MAX_IN_FLIGHT outstanding instead.
    const t0 = performance.now();
    const inFlight = new Set<Promise<void>>();
    let ctrl = false;
    let lateSteps = 0;
    for (const step of steps) {
      const wait = t0 + step.atMs - performance.now();
      if (wait > 1) await sleep(wait);
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      if (t0 + step.atMs - performance.now() < -VSYNC_MS) lateSteps++;
      if (step.ctrl !== ctrl) {
        await Promise.all(inFlight);
        await (step.ctrl ? page.keyboard.down('Control') : page.keyboard.up('Control'));
        ctrl = step.ctrl;
      }
      const sent: Promise<void> = page.mouse.wheel(step.deltaX, step.deltaY).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    await Promise.all(inFlight);
    if (ctrl) await page.keyboard.up('Control');
    const inputSeconds = (performance.now() - t0) / 1000;
    const probe: ProbeResult = await page.evaluate(stopFrameProbe);
    const panPeerResult = await panPeer?.stop();
    if (profiler && cpuProfileDir) {
      const file = path.join(cpuProfileDir, `render-${size}.cpuprofile`);
      await profiler.stopInto(file);
      progress(`${boardId}: CPU profile in ${file}`);
    }
    const zooms = steps.map((step) => step.zoomAfter);
    const frames = frameStats(snapToVsync(probe.deltas));
    progress(
      `${boardId}: ${frames.frames} frames, p95 ${frames.p95Ms.toFixed(1)} ms, ` +
        `${steps.length} wheel events in ${inputSeconds.toFixed(1)} s (${lateSteps} late)`,
    );
    return {
      shapes: size,
      board: board.kind,
      seed,
      loadMs,
      input: {
        planned: steps.length,
        sent: steps.length,
        seconds: inputSeconds,
        lateSteps,
        zoomRange: [Math.min(...zooms), Math.max(...zooms)],
      },
      frames,
      longTasks: {
        supported: probe.longTasksSupported,
        count: probe.longTasks.length,
        totalMs: probe.longTasks.reduce((a, b) => a + b, 0),
        maxMs: probe.longTasks.length > 0 ? Math.max(...probe.longTasks) : 0,
      },
      idle: frameStats(snapToVsync(idle.deltas)),
      callbackTiming: frameStats(probe.callbackDeltas),
      join: { allAtMs: join.allAt, paintedAtMs: join.paintedAt },
      heap,
      ...(still && panPeerResult
        ? {
            remote: {
              peer: still.peer,
              stillFrames: frameStats(snapToVsync(still.frames.deltas)),
              panPeer: panPeerResult,
            },
          }
        : {}),
    };
  } finally {
    await context.close();
  }
}

/**
 * Pans (unmeasured) so the screen centre sits over the middle of the board
 * area: the view starts with board (0, 0) at the top-left, zoom 1.
 */
async function centreView(page: Page, width: number, height: number): Promise<void> {
  const dx = BOARD_AREA / 2 - width / 2;
  const dy = BOARD_AREA / 2 - height / 2;
  const steps = 20;
  for (let i = 0; i < steps; i++) await page.mouse.wheel(dx / steps, dy / steps);
}

/** Used JS heap after a full GC, through the DevTools protocol. */
async function usedHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The heap of the same page on an empty board: what a shape's share is measured from. */
async function emptyBoardHeap(browser: Browser, url: string): Promise<number> {
  await seedBoard(url, 'bench-empty', []);
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(PAGE_NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${url}/b/bench-empty?name=bench`);
    await page.locator('[data-testid="board-canvas"][data-shape-count="0"]').waitFor({ state: 'attached' });
    await sleep(1_000);
    return await usedHeap(page);
  } finally {
    await context.close();
  }
}

/** The page's CPU profile through the DevTools protocol, started here and written as a .cpuprofile. */
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

runBenchCli('bench:render', USAGE, parseRenderOptions, main);

/**
 * `npm run bench:load`: what a person on a slow link waits for. A board link
 * opened in headless Chromium as a first visit (fresh context, cache off,
 * service workers blocked), the page's network throttled through CDP to
 * 1.6 Mbit/s and 150 ms, against a real relay process serving the built
 * client. Counted: bytes on the wire of every HTTP response (CDP
 * Network.loadingFinished, headers included) until the toolbar is usable
 * (its Select button on screen and enabled, stamped in the page by
 * performance.now()). Run with compression (the browser's Accept-Encoding)
 * and without (identity), the median of --runs each.
 */
import type { Browser } from 'playwright-core';
import {
  LINK,
  type LoadBenchOptions,
  type LoadRun,
  parseLoadOptions,
  summarise,
  TARGET_BYTES,
  TARGET_USABLE_MS,
  USAGE,
  verdict,
} from './load/options';
import { runBenchCli } from './support/cli';
import { withRelayAndBrowser } from './support/relay-and-browser';

const progress = (line: string) => process.stderr.write(`[bench:load] ${line}\n`);
const TIMEOUT_MS = 60_000;

/** Stamps the moment the toolbar is usable, checked every frame from the first script on. */
const TOOLBAR_PROBE = `(() => {
  const check = () => {
    const button = document.querySelector('[role="toolbar"][aria-label="Tools"] button[aria-label="Select"]');
    if (button && !button.disabled && button.getBoundingClientRect().width > 0) {
      window.__easelToolbarUsableAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function visit(browser: Browser, url: string, encoding: 'compressed' | 'identity'): Promise<LoadRun> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    ...(encoding === 'identity' ? { extraHTTPHeaders: { 'accept-encoding': 'identity' } } : {}),
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(TOOLBAR_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LINK.latencyMs,
      downloadThroughput: LINK.downloadBytesPerSecond,
      uploadThroughput: LINK.uploadBytesPerSecond,
    });
    let bytes = 0;
    let requests = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      if (!counting) return;
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    // Typed by hand: the benchmarks are type-checked without the DOM lib.
    await page.waitForFunction(() => '__easelToolbarUsableAt' in globalThis, undefined, { timeout: TIMEOUT_MS });
    counting = false;
    const usableMs = await page.evaluate(
      () => (globalThis as unknown as { __easelToolbarUsableAt: number }).__easelToolbarUsableAt,
    );
    return { bytes, requests, usableMs };
  } finally {
    await context.close();
  }
}

async function main(options: LoadBenchOptions): Promise<number> {
  return withRelayAndBrowser({ name: 'load', skipBuild: options.skipBuild, progress }, async (relay, browser) => {
    const rows: string[] = [];
    let failed = false;
    for (const encoding of ['compressed', 'identity'] as const) {
      const runs: LoadRun[] = [];
      for (let i = 0; i < options.runs; i++) {
        runs.push(await visit(browser, `${relay.url}/b/bench-load-${encoding}-${i}`, encoding));
        progress(`${encoding} run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
      }
      const run = summarise(runs);
      const ok = verdict(run);
      if (encoding === 'compressed') failed = !ok.bytes || !ok.usable;
      rows.push(
        `| ${encoding} | ${(run.bytes / 1000).toFixed(1)} KB${ok.bytes ? '' : ' (over)'} | ${run.requests} | ` +
          `${(run.usableMs / 1000).toFixed(2)} s${ok.usable ? '' : ' (over)'} |`,
      );
    }
    process.stdout.write(
      [
        `Board link, first visit, ${(LINK.downloadBytesPerSecond * 8) / 1e6} Mbit/s + ${LINK.latencyMs} ms, median of ${options.runs}:`,
        '',
        '| responses | transferred | requests | toolbar usable |',
        '|---|---|---|---|',
        ...rows,
        '',
        `Targets (compressed): ≤ ${TARGET_BYTES / 1000} KB and ≤ ${TARGET_USABLE_MS / 1000} s: ${failed ? 'NOT met' : 'met'}.`,
        '',
      ].join('\n'),
    );
    return failed ? 1 : 0;
  });
}

runBenchCli('bench:load', USAGE, parseLoadOptions, main);

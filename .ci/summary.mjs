// Prints the totals of vitest and Playwright as one plain closing line
// ("tests: N passed, N failed, N skipped"), which CI reads to tell how many tests ran.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile, ...morePlaywrightFiles] = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const missing = [];

if (vitestFile && existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else missing.push('vitest');

if (playwrightFile && existsSync(playwrightFile)) {
  const { stats } = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
} else missing.push('playwright');

// Further Playwright suites (the Electron one) count when they ran; they skip, with the reason printed, where they cannot.
for (const file of morePlaywrightFiles) {
  if (!existsSync(file)) continue;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

if (missing.length > 0) console.log(`[ci] no report from ${missing.join(', ')} (the run stopped before it: see above)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(missing.length > 0 ? 1 : 0);

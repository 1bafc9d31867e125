// Prints vitest's totals as one plain closing line ("tests: N passed, N failed, N skipped"),
// which CI reads to tell how many tests ran.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('tests: no vitest report (the run stopped before the tests: see lint/typecheck output above)');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);

/**
 * `npm run lint:security`: Electronegativity (@doyensec/electronegativity)
 * over the app's Electron sources, failing on any HIGH severity finding.
 *
 * Electronegativity exits 0 whatever it finds, and offline it may crash with a
 * network error after it has written its report (or, unguarded, before: see
 * electronegativity-offline-guard.cjs). So this script ignores its exit code
 * and judges the CSV report: no report is a failure (exit 2), a HIGH finding
 * is a failure (exit 1).
 *
 * Usage: node --import tsx scripts/electronegativity.ts [input ...]   (default: electron)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  sample: string;
  description: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((cell) => cell.trim() !== '')) rows.push(row);
  return rows;
}

const SEVERITIES = new Set(['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']);

export class MangledReportError extends Error {}

/** The findings of an Electronegativity CSV report (header: issue, severity, confidence, filename, …). */
export function findingsOf(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const at = (row: string[], name: string) => (row[columns.indexOf(name)] ?? '').trim();
  if (!columns.includes('issue') || !columns.includes('severity')) {
    throw new Error(`not an Electronegativity report (header: ${columns.join(', ')})`);
  }
  // Its writer has been seen to leave a mangled file (rows spliced into each other): such a report
  // must not read as "0 high", so every row must have the header's shape and a known severity.
  const broken = rows.find(
    (row) =>
      row.length !== columns.length || !SEVERITIES.has((row[columns.indexOf('severity')] ?? '').trim().toUpperCase()),
  );
  if (broken) throw new MangledReportError(`a malformed row in the report: ${broken.join(',').slice(0, 200)}`);
  return rows.map((row) => ({
    issue: at(row, 'issue'),
    severity: at(row, 'severity').toUpperCase(),
    confidence: at(row, 'confidence'),
    filename: at(row, 'filename'),
    location: at(row, 'location'),
    sample: at(row, 'sample'),
    description: at(row, 'description'),
  }));
}

const describe = (finding: Finding) =>
  `  ${finding.severity} ${finding.issue} (${finding.confidence}) ${finding.filename}:${finding.location}\n` +
  `      ${finding.description}${finding.sample && finding.sample !== 'N/A' ? `\n      ${finding.sample}` : ''}`;

/** Runs Electronegativity over one input and returns its findings, or throws when it wrote no report. */
export function scan(input: string, repoRoot: string): Finding[] {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  for (let attempt = 1; ; attempt++) {
    try {
      return scanOnce(input, repoRoot, cli, electronVersion);
    } catch (error) {
      // A mangled report is the tool's flake, not a verdict: run it again, and fail if it keeps happening.
      if (!(error instanceof MangledReportError) || attempt >= SCAN_ATTEMPTS) throw error;
    }
  }
}

const SCAN_ATTEMPTS = 3;

function scanOnce(input: string, repoRoot: string, cli: string, electronVersion: string): Finding[] {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'easel-electronegativity-'));
  const report = path.join(outDir, 'report.csv');
  try {
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        path.join(repoRoot, 'scripts/electronegativity-offline-guard.cjs'),
        cli,
        ...['--input', input, '--output', report, '--relative', '--electron-version', electronVersion],
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 },
    );
    if (!existsSync(report)) {
      throw new Error(`Electronegativity wrote no report for ${input}:\n${run.stdout}\n${run.stderr}`);
    }
    return findingsOf(readFileSync(report, 'utf8'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function main(): void {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const inputs = process.argv.slice(2);
  let high = 0;
  for (const input of inputs.length > 0 ? inputs : ['electron']) {
    let findings: Finding[];
    try {
      findings = scan(input, repoRoot);
    } catch (error) {
      console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    }
    const highs = findings.filter((finding) => finding.severity === 'HIGH');
    high += highs.length;
    const others = findings.filter((finding) => finding.severity !== 'HIGH');
    console.log(`electronegativity ${input}: ${highs.length} high, ${others.length} to review`);
    for (const finding of highs) console.log(describe(finding));
    for (const finding of others) console.log(describe(finding));
  }
  if (high > 0) {
    console.error(`electronegativity: ${high} high severity finding(s); fix them (do not suppress them).`);
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

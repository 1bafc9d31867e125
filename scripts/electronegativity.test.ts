import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir';
import { findingsOf, parseCsv } from './electronegativity';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(repoRoot, 'scripts/electronegativity.ts');
const runScript = (...inputs: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...inputs], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('reading an Electronegativity report', () => {
  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a, b,"c, d"\r\n"say ""hi""","x\ny",\n\n')).toEqual([
      ['a', ' b', 'c, d'],
      ['say "hi"', 'x\ny', ''],
    ]);
  });

  it('reads findings by column name', () => {
    const report = [
      'issue, severity, confidence, filename, location, sample, description, url',
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/w.js","3:2","nodeIntegration: true,","Disable nodeIntegration",https://x',
      'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/w.js","4:2","preload: p,","Review the use of preload scripts",https://y',
    ].join('\n');
    expect(findingsOf(report)).toEqual([
      expect.objectContaining({
        issue: 'NODE_INTEGRATION_JS_CHECK',
        severity: 'HIGH',
        sample: 'nodeIntegration: true,',
      }),
      expect.objectContaining({ issue: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', location: '4:2' }),
    ]);
    expect(() => findingsOf('what,is,this\n1,2,3')).toThrow(/not an Electronegativity report/);
    // A mangled report (rows spliced together) is an error, never "no findings".
    const mangled = [report.split('\n')[0], 'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/w.js"3:2"CONTEXT,x'].join(
      '\n',
    );
    expect(() => findingsOf(mangled)).toThrow(/malformed row/);
  });
});

describe('npm run lint:security', () => {
  it('fails on a window without context isolation or navigation limits, naming the findings', async () => {
    const dir = await tempDir('easel-insecure-app-');
    try {
      await mkdir(path.join(dir.path, 'main'));
      await writeFile(
        path.join(dir.path, 'main/window.ts'),
        [
          "import { BrowserWindow } from 'electron';",
          'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
          "void win.loadURL('https://example.com');",
        ].join('\n'),
      );
      const run = runScript(dir.path);
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK .*main\/window\.ts:2:/);
      expect(run.stdout).toMatch(/HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/);
      expect(run.stderr).toMatch(/high severity finding/);
    } finally {
      await dir.remove();
    }
  });

  it('passes on our Electron sources', () => {
    const run = runScript('electron');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^electronegativity electron: 0 high/m);
  });
});

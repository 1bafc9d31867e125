import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../build/content-security-policy';
import { tempDir } from '../../tests/support/temp-dir';
import { rendererResponse } from './renderer-response';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('easel-renderer-');
  await mkdir(path.join(dir.path, 'assets'));
  await writeFile(path.join(dir.path, 'index.html'), '<!doctype html><title>Easel</title>');
  await writeFile(path.join(dir.path, 'assets', 'index-1.js'), 'console.log(1)');
});
afterEach(() => dir.remove());

const get = (route: string) => rendererResponse(dir.path, `app://easel${route}`, 'easel');

describe('app:// responses', () => {
  it('carry the desktop Content-Security-Policy as a header, for pages, assets and 404s alike', async () => {
    const policy = contentSecurityPolicy('desktop');
    expect(policy).toContain("script-src 'self'");
    for (const [route, status, type] of [
      ['/', 200, 'text/html; charset=utf-8'],
      ['/b/retro', 200, 'text/html; charset=utf-8'],
      ['/join?relay=x', 200, 'text/html; charset=utf-8'],
      ['/assets/index-1.js', 200, 'text/javascript; charset=utf-8'],
      ['/assets/missing.js', 404, 'text/plain;charset=UTF-8'],
      ['/b/bad.id', 404, 'text/plain;charset=UTF-8'],
    ] as const) {
      const response = await get(route);
      expect(response.status, route).toBe(status);
      expect(response.headers.get('content-type'), route).toBe(type);
      expect(response.headers.get('content-security-policy'), route).toBe(policy);
      expect(response.headers.get('x-content-type-options'), route).toBe('nosniff');
    }
    expect(await (await get('/')).text()).toContain('<title>Easel</title>');
  });

  it('does not give the web build’s policy to the desktop window', async () => {
    const header = (await get('/')).headers.get('content-security-policy');
    expect(header).not.toBe(contentSecurityPolicy('web'));
    expect(header).toContain('connect-src');
  });
});

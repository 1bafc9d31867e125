import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, isNavigationAllowed, isPermissionAllowed } from './web-policy';

const origins = ['app://easel'];

describe('web policy', () => {
  it('allows navigation within the app only', () => {
    expect(isNavigationAllowed('app://easel/b/retro', origins)).toBe(true);
    expect(isNavigationAllowed('app://easel/index.html?relay=http://127.0.0.1:1', origins)).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:4455/',
      'file:///etc/passwd',
      'app://other/',
      'app://easel.evil.example/',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      '',
    ]) {
      expect(isNavigationAllowed(url, origins), url).toBe(false);
    }
    expect(isNavigationAllowed('http://localhost:5173/b/x', [...origins, 'http://localhost:5173'])).toBe(true);
  });

  it('opens plain http(s) links externally and nothing else', () => {
    expect(externalUrlToOpen('https://docs.yjs.dev/')).toBe('https://docs.yjs.dev/');
    expect(externalUrlToOpen('http://example.com/a b')).toBeNull();
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'easel://join?relay=http://h:1',
      'https://user:pw@example.com/',
      'https://example.com/\nSet-Cookie',
      `https://example.com/${'x'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('grants only clipboard access, and only to the app itself', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://easel/b/x', origins)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'app://easel/', origins)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'https://evil.example/', origins)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'app://easel/', origins), permission).toBe(false);
    }
  });
});

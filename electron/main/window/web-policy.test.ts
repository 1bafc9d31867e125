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

  const policy = { trustedOrigins: ['app://easel', 'http://localhost:5173'], appOrigin: 'app://easel' };
  const allowed = (permission: string, requestingUrl: string, isMainFrame = true) =>
    isPermissionAllowed({ permission, requestingUrl, isMainFrame }, policy);

  it('grants the clipboard to the app’s own top frame only', () => {
    expect(allowed('clipboard-sanitized-write', 'app://easel/b/x')).toBe(true);
    expect(allowed('clipboard-read', 'app://easel/')).toBe(true);
    expect(allowed('clipboard-read', 'http://localhost:5173/b/x')).toBe(true);
    expect(allowed('clipboard-read', 'https://evil.example/')).toBe(false);
    expect(allowed('clipboard-read', 'app://easel/', false)).toBe(false);
  });

  it('lets the app at app://easel reach its relay on loopback and relays on the LAN (Local Network Access)', () => {
    // A check names the origin, a request the frame's URL.
    for (const permission of ['loopback-network', 'local-network', 'local-network-access']) {
      expect(allowed(permission, 'app://easel'), permission).toBe(true);
      expect(allowed(permission, 'app://easel/b/retro?relay=http://127.0.0.1:4455'), permission).toBe(true);
      expect(allowed(permission, 'app://easel/', false), `${permission} from a sub-frame`).toBe(false);
      expect(allowed(permission, 'https://evil.example/'), `${permission} from the web`).toBe(false);
      expect(allowed(permission, 'http://localhost:5173/'), `${permission} from the dev server`).toBe(false);
      expect(allowed(permission, 'app://easel.evil.example/'), permission).toBe(false);
      expect(allowed(permission, 'not a url'), permission).toBe(false);
    }
  });

  it('refuses every other permission, even to the app', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'hid',
      'serial',
      'usb',
      'openExternal',
      'fullscreen',
      'display-capture',
      'local-fonts',
      'unknown',
    ]) {
      expect(allowed(permission, 'app://easel/'), permission).toBe(false);
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIRROR,
  DOWNLOAD_REPORT_PREFIX,
  downloadSettings,
  downloadSource,
  type ElectronFacts,
  electronState,
  failureParagraph,
  installerEnv,
  installFailureCause,
  wrapParagraph,
} from './install-plan';

const packageDir = path.resolve('/repo/node_modules/electron');
const installedLinux = (overrides: Partial<ElectronFacts> = {}): ElectronFacts => {
  const files = new Set([path.join(packageDir, 'dist', 'electron')]);
  return {
    packageDir,
    version: '45.4.1',
    platform: 'linux',
    pathTxt: 'electron',
    distVersion: 'v45.4.1',
    overrideDistPath: undefined,
    exists: (file) => files.has(file),
    ...overrides,
  };
};

describe('electronState', () => {
  it('is ready when path.txt, dist/version and the executable agree, as the installer checks', () => {
    expect(electronState(installedLinux())).toEqual({
      kind: 'ready',
      executable: path.join(packageDir, 'dist', 'electron'),
    });
    expect(electronState(installedLinux({ distVersion: '45.4.1\n' })).kind).toBe('ready');
  });

  it('needs the installer on a fresh clone, where the package has no path.txt', () => {
    expect(electronState(installedLinux({ pathTxt: undefined, distVersion: undefined }))).toEqual({
      kind: 'not-installed',
      reason: 'node_modules/electron/path.txt is missing',
    });
  });

  it('needs the installer after electron was upgraded over an older binary', () => {
    expect(electronState(installedLinux({ distVersion: 'v44.0.0' }))).toEqual({
      kind: 'not-installed',
      reason: 'node_modules/electron/dist holds Electron 44.0.0, not 45.4.1',
    });
  });

  it('needs the installer when the binary was deleted or is for another system', () => {
    expect(electronState(installedLinux({ exists: () => false })).kind).toBe('not-installed');
    expect(electronState(installedLinux({ pathTxt: 'electron.exe' }))).toMatchObject({
      kind: 'not-installed',
      reason: 'node_modules/electron/path.txt names electron.exe, not electron',
    });
  });

  it('names each platform’s executable the way electron/install.js does', () => {
    const onMac = installedLinux({
      platform: 'darwin',
      pathTxt: 'Electron.app/Contents/MacOS/Electron',
      exists: (file) => file === path.join(packageDir, 'dist', 'Electron.app/Contents/MacOS/Electron'),
    });
    expect(electronState(onMac).kind).toBe('ready');
    const onWindows = installedLinux({
      platform: 'win32',
      pathTxt: 'electron.exe',
      exists: (file) => file === path.join(packageDir, 'dist', 'electron.exe'),
    });
    expect(electronState(onWindows).kind).toBe('ready');
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does, without a path.txt, and never downloads for it', () => {
    const override = path.resolve('/opt/electron-45');
    const executable = path.join(override, 'electron');
    const facts = installedLinux({
      pathTxt: undefined,
      distVersion: undefined,
      overrideDistPath: override,
      exists: (file) => file === executable,
    });
    expect(electronState(facts)).toEqual({ kind: 'ready', executable });
    expect(electronState({ ...facts, exists: () => false })).toEqual({ kind: 'override-missing', executable });
  });
});

describe('downloadSettings', () => {
  it('limits connecting and the first answer to seconds, and a stall to a minute', () => {
    expect(downloadSettings({})).toEqual({
      connectTimeoutMs: 15_000,
      answerTimeoutMs: 15_000,
      stallTimeoutMs: 60_000,
      reportPrefix: DOWNLOAD_REPORT_PREFIX,
    });
  });

  it('takes a longer limit from EASEL_ELECTRON_TIMEOUT_SECONDS and ignores one that is not a positive number', () => {
    expect(downloadSettings({ EASEL_ELECTRON_TIMEOUT_SECONDS: '90' })).toMatchObject({
      connectTimeoutMs: 90_000,
      answerTimeoutMs: 90_000,
      stallTimeoutMs: 90_000,
    });
    expect(downloadSettings({ EASEL_ELECTRON_TIMEOUT_SECONDS: '2.5' }).answerTimeoutMs).toBe(2_500);
    for (const bad of ['', '0', '-3', 'soon']) {
      expect(downloadSettings({ EASEL_ELECTRON_TIMEOUT_SECONDS: bad }).answerTimeoutMs).toBe(15_000);
    }
  });

  it('takes the proxy from the usual variables first, then from npm’s own settings', () => {
    expect(
      downloadSettings({
        HTTPS_PROXY: 'http://proxy:3128',
        NO_PROXY: 'localhost',
        npm_config_https_proxy: 'http://npm:1',
      }),
    ).toMatchObject({ httpsProxy: 'http://proxy:3128', noProxy: 'localhost' });
    expect(downloadSettings({ https_proxy: 'http://lower:3128' }).httpsProxy).toBe('http://lower:3128');
    expect(downloadSettings({ npm_config_https_proxy: 'http://npm:8080', npm_config_noproxy: '.corp' })).toMatchObject({
      httpsProxy: 'http://npm:8080',
      noProxy: '.corp',
    });
    // An http proxy alone is used for https too, as curl and npm do.
    expect(downloadSettings({ HTTP_PROXY: 'http://only-http:3128' })).toMatchObject({
      httpProxy: 'http://only-http:3128',
      httpsProxy: 'http://only-http:3128',
    });
  });
});

describe('installerEnv', () => {
  it('passes the environment through with the settings, minus the switch that would replace our limits', () => {
    const settings = downloadSettings({});
    const env = installerEnv({ ELECTRON_MIRROR: 'http://m/', ELECTRON_GET_USE_PROXY: '1', UNSET: undefined }, settings);
    expect(env).toEqual({ ELECTRON_MIRROR: 'http://m/', EASEL_ELECTRON_DOWNLOAD: JSON.stringify(settings) });
  });
});

describe('downloadSource', () => {
  it('names the mirror the installer will use', () => {
    expect(downloadSource({})).toBe(DEFAULT_MIRROR);
    expect(downloadSource({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toBe(
      'https://npmmirror.com/mirrors/electron/',
    );
    // .npmrc's electron_mirror wins over the variable, as @electron/get reads them.
    expect(downloadSource({ npm_config_electron_mirror: 'https://from-npmrc/', ELECTRON_MIRROR: 'https://env/' })).toBe(
      'https://from-npmrc/',
    );
  });
});

describe('installFailureCause', () => {
  const settings = downloadSettings({});
  const report = (body: object) => `${DOWNLOAD_REPORT_PREFIX} ${JSON.stringify(body)}`;
  const failed = (stderr: string) => ({ exitCode: 1, timedOut: false, stderr });

  it('says which host could not be found when DNS fails, as it does offline', () => {
    const stderr = [
      report({ host: 'github.com', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND github.com' }),
      report({ host: 'https://github.com', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND github.com' }),
      'TypeError: fetch failed',
    ].join('\n');
    expect(installFailureCause(failed(stderr), settings)).toBe(
      'github.com could not be found (the DNS lookup failed: is this machine offline?)',
    );
  });

  it('says how long it waited for a server that does not answer', () => {
    const stderr = report({ host: 'http://127.0.0.1:9', code: 'UND_ERR_HEADERS_TIMEOUT', message: 'Headers Timeout' });
    expect(installFailureCause(failed(stderr), settings)).toBe('127.0.0.1:9 did not answer within 15 s');
    const connect = report({ host: 'mirror.example', code: 'UND_ERR_CONNECT_TIMEOUT', message: 'Connect Timeout' });
    expect(installFailureCause(failed(connect), settings)).toBe('no connection to mirror.example within 15 s');
  });

  it('names the proxy when nothing answered on a route through one', () => {
    const stderr = report({ host: 'http://mirror.example', code: 'EASEL_NO_ANSWER', message: 'no answer' });
    expect(installFailureCause(failed(stderr), downloadSettings({ HTTPS_PROXY: 'http://proxy:3128' }))).toBe(
      'mirror.example (or the proxy http://proxy:3128 on the way) did not answer within 15 s',
    );
    expect(installFailureCause(failed(stderr), settings)).toBe('mirror.example did not answer within 15 s');
  });

  it('points at NODE_EXTRA_CA_CERTS when a TLS-inspecting proxy is in the way', () => {
    const stderr = report({ host: 'github.com', code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed' });
    expect(installFailureCause(failed(stderr), settings)).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('quotes the server’s answer when the mirror has no such file', () => {
    const stderr = [
      'HTTPError: Response code 404 (Not Found) for https://m.example/v45.4.1/electron-v45.4.1-linux-x64.zip',
      '    at FetchDownloader.download (file:///repo/node_modules/@electron/get/dist/FetchDownloader.js:47:23)',
    ].join('\n');
    expect(installFailureCause(failed(stderr), settings)).toBe(
      'the server answered 404 Not Found for https://m.example/v45.4.1/electron-v45.4.1-linux-x64.zip',
    );
  });

  it('keeps the installer’s error line, never its stack', () => {
    const stderr =
      'Error: Generated checksum for "x.zip" did not match expected checksum.\n    at validate (file:///x.js:1:1)';
    const cause = installFailureCause(failed(stderr), settings);
    expect(cause).toContain("did not match Electron's published checksum");
    expect(cause).not.toContain(' at ');
    expect(installFailureCause(failed('Error: EACCES: permission denied, mkdir\n    at x'), settings)).toBe(
      'its installer failed: Error: EACCES: permission denied, mkdir',
    );
  });

  it('says when the installer ran out of time, could not start, or said nothing', () => {
    expect(installFailureCause({ exitCode: null, timedOut: true, stderr: '' }, settings)).toBe(
      'its installer was still running after 20 minutes',
    );
    expect(
      installFailureCause({ exitCode: null, timedOut: false, stderr: '', spawnError: 'spawn EACCES' }, settings),
    ).toBe('its installer could not be started (spawn EACCES)');
    expect(installFailureCause({ exitCode: 3, timedOut: false, stderr: '\n' }, settings)).toBe(
      'its installer exited with code 3 and said nothing',
    );
  });
});

describe('failureParagraph', () => {
  it('says what failed, every way to fix it, and that the browser client works now', () => {
    const text = failureParagraph('45.4.1', {
      kind: 'download-failed',
      source: DEFAULT_MIRROR,
      cause: 'github.com could not be found',
    });
    expect(text).toMatch(/^Could not download Electron 45\.4\.1, which the desktop app runs in, from https:\/\/github/);
    for (const fix of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'ELECTRON_OVERRIDE_DIST_PATH', '`npm run web`']) {
      expect(text).toContain(fix);
    }
    expect(text).not.toContain('\n');
  });

  it('blames a wrong ELECTRON_OVERRIDE_DIST_PATH instead of the network', () => {
    const text = failureParagraph('45.4.1', {
      kind: 'override-missing',
      overrideDistPath: '/opt/e',
      executable: '/opt/e/electron',
    });
    expect(text).toMatch(
      /^ELECTRON_OVERRIDE_DIST_PATH is set to \/opt\/e, but there is no Electron at \/opt\/e\/electron\./,
    );
  });
});

describe('wrapParagraph', () => {
  it('breaks at spaces within the width and keeps a long word whole', () => {
    expect(wrapParagraph('aaa bbb ccc ddd', 7)).toBe('aaa bbb\nccc ddd');
    expect(wrapParagraph('see https://a.very.long/url/that/does/not/fit ok', 10)).toBe(
      'see\nhttps://a.very.long/url/that/does/not/fit\nok',
    );
  });
});

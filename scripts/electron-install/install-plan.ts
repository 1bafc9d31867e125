import path from 'node:path';

/**
 * What `npm start`, `npm run dev` and the Electron tests decide before they
 * launch Electron, with no I/O: whether the binary is there (read the way
 * node_modules/electron reads it), how its installer is limited, and what to
 * tell a person when it cannot be installed.
 */

/** Where the installer's download hook reports network errors on stderr (see download-limits.mjs). */
export const DOWNLOAD_REPORT_PREFIX = '[easel-electron-download]';
export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
/** Connect and answer limits: an unreachable server ends the attempt in seconds, not minutes. */
export const DEFAULT_ANSWER_TIMEOUT_SECONDS = 15;
/** A download that started may be slow, but not silent for longer than this. */
export const STALL_TIMEOUT_SECONDS = 60;
/** The whole installer run, download and unzip, on the slowest connection we wait for. */
export const INSTALL_TIMEOUT_MINUTES = 20;

/** The executable inside Electron's dist folder, as electron/install.js names it. */
export function platformExecutable(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

export interface ElectronFacts {
  /** node_modules/electron */
  packageDir: string;
  /** The electron package's version, which its installer downloads. */
  version: string;
  platform: NodeJS.Platform;
  /** node_modules/electron/path.txt, written by the installer; undefined when absent. */
  pathTxt: string | undefined;
  /** node_modules/electron/dist/version ("v45.4.1" or "45.4.1"); undefined when absent. */
  distVersion: string | undefined;
  /** ELECTRON_OVERRIDE_DIST_PATH: a folder holding an Electron build to use instead. */
  overrideDistPath: string | undefined;
  exists(file: string): boolean;
}

export type ElectronState =
  | { kind: 'ready'; executable: string }
  /** ELECTRON_OVERRIDE_DIST_PATH names a folder without Electron in it: nothing to download, the setting is wrong. */
  | { kind: 'override-missing'; executable: string }
  | { kind: 'not-installed'; reason: string };

/**
 * Whether Electron can be launched as it is. Mirrors electron/index.js (the
 * override folder joined with path.txt) and electron/install.js's isInstalled
 * (path.txt, dist/version and the executable agree), so a binary this says is
 * ready is the one `require('electron')` would start, and the installer would
 * not download it again.
 */
export function electronState(facts: ElectronFacts): ElectronState {
  const expectedPath = platformExecutable(facts.platform);
  if (facts.overrideDistPath) {
    const executable = path.join(facts.overrideDistPath, facts.pathTxt || expectedPath);
    return facts.exists(executable) ? { kind: 'ready', executable } : { kind: 'override-missing', executable };
  }
  const executable = path.join(facts.packageDir, 'dist', expectedPath);
  if (facts.pathTxt === undefined)
    return { kind: 'not-installed', reason: 'node_modules/electron/path.txt is missing' };
  if (facts.pathTxt !== expectedPath) {
    return {
      kind: 'not-installed',
      reason: `node_modules/electron/path.txt names ${facts.pathTxt}, not ${expectedPath}`,
    };
  }
  const installed = facts.distVersion?.trim().replace(/^v/, '');
  if (installed !== facts.version) {
    return {
      kind: 'not-installed',
      reason: `node_modules/electron/dist holds ${installed ? `Electron ${installed}` : 'no version file'}, not ${facts.version}`,
    };
  }
  return facts.exists(executable)
    ? { kind: 'ready', executable }
    : { kind: 'not-installed', reason: `${executable} is missing` };
}

/** What download-limits.mjs reads (as JSON in EASEL_ELECTRON_DOWNLOAD) inside the installer. */
export interface DownloadSettings {
  connectTimeoutMs: number;
  answerTimeoutMs: number;
  stallTimeoutMs: number;
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  reportPrefix: string;
}

type Env = Readonly<Record<string, string | undefined>>;
const firstSet = (...values: (string | undefined)[]) => values.find((value) => value !== undefined && value !== '');

/**
 * Limits and proxy for the installer's requests. The proxy comes from the
 * usual variables, then from npm's own proxy settings (npm passes them to
 * scripts as npm_config_*), so a machine set up for `npm install` also
 * downloads Electron. EASEL_ELECTRON_TIMEOUT_SECONDS stretches the connect
 * and answer limits for slow proxies.
 */
export function downloadSettings(env: Env): DownloadSettings {
  const seconds = Number(env.EASEL_ELECTRON_TIMEOUT_SECONDS);
  const answerSeconds = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_ANSWER_TIMEOUT_SECONDS;
  const httpProxy = firstSet(env.HTTP_PROXY, env.http_proxy, env.npm_config_proxy);
  const httpsProxy = firstSet(env.HTTPS_PROXY, env.https_proxy, env.npm_config_https_proxy, httpProxy);
  const noProxy = firstSet(env.NO_PROXY, env.no_proxy, env.npm_config_noproxy);
  return {
    connectTimeoutMs: Math.round(answerSeconds * 1000),
    answerTimeoutMs: Math.round(answerSeconds * 1000),
    stallTimeoutMs: Math.max(STALL_TIMEOUT_SECONDS, answerSeconds) * 1000,
    ...(httpProxy !== undefined && { httpProxy }),
    ...(httpsProxy !== undefined && { httpsProxy }),
    ...(noProxy !== undefined && { noProxy }),
    reportPrefix: DOWNLOAD_REPORT_PREFIX,
  };
}

/**
 * The environment the installer runs in. ELECTRON_GET_USE_PROXY is taken out:
 * it makes @electron/get install a proxy dispatcher of its own, without our
 * limits, over the one download-limits.mjs set up (which already uses the proxy).
 */
export function installerEnv(env: Env, settings: DownloadSettings): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== 'ELECTRON_GET_USE_PROXY') result[key] = value;
  }
  result.EASEL_ELECTRON_DOWNLOAD = JSON.stringify(settings);
  return result;
}

/** Where the installer downloads from, for the message: @electron/get's order (.npmrc, package.json, then env). */
export function downloadSource(env: Env): string {
  return (
    firstSet(
      env.npm_config_electron_mirror,
      env.NPM_CONFIG_ELECTRON_MIRROR,
      env.npm_package_config_electron_mirror,
      env.ELECTRON_MIRROR,
    ) ?? DEFAULT_MIRROR
  );
}

export interface InstallerOutcome {
  exitCode: number | null;
  /** We stopped it at INSTALL_TIMEOUT_MINUTES. */
  timedOut: boolean;
  /** It could not be started at all. */
  spawnError?: string;
  /** Its stderr, with the download hook's reports. */
  stderr: string;
}

interface NetworkReport {
  host?: string;
  code?: string;
  message?: string;
}

function networkReports(stderr: string): NetworkReport[] {
  const reports: NetworkReport[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (!line.startsWith(DOWNLOAD_REPORT_PREFIX)) continue;
    try {
      const parsed: unknown = JSON.parse(line.slice(DOWNLOAD_REPORT_PREFIX.length));
      if (typeof parsed === 'object' && parsed !== null) reports.push(parsed as NetworkReport);
    } catch {
      // A torn line says nothing we can use; the installer's own message still does.
    }
  }
  return reports;
}

const hostName = (host: string | undefined) => {
  if (!host) return 'the download server';
  try {
    return new URL(host).host;
  } catch {
    return host;
  }
};

const proxyNote = (settings: DownloadSettings) => {
  const proxy = settings.httpsProxy ?? settings.httpProxy;
  return proxy === undefined ? '' : ` (or the proxy ${proxy} on the way)`;
};

function describeNetworkError(report: NetworkReport, settings: DownloadSettings): string {
  const host = hostName(report.host);
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  switch (report.code) {
    case 'ENOTFOUND':
      return `${host} could not be found (the DNS lookup failed: is this machine offline?)`;
    case 'EAI_AGAIN':
      return `${host} could not be looked up (DNS did not answer: is this machine offline?)`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `the connection to ${host} was cut`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} is not reachable from this network`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `no connection to ${host} within ${seconds(settings.connectTimeoutMs)}`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `${host} did not answer within ${seconds(settings.answerTimeoutMs)}`;
    case 'EASEL_NO_ANSWER':
      return `${host}${proxyNote(settings)} did not answer within ${seconds(settings.answerTimeoutMs)}`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `the download from ${host} stalled for ${seconds(settings.stallTimeoutMs)}`;
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return `${host}'s TLS certificate is not trusted here (behind a proxy that inspects TLS, give Node its certificate with NODE_EXTRA_CA_CERTS)`;
    default:
      return `the request to ${host} failed (${report.code ?? 'error'}: ${report.message ?? 'no details'})`;
  }
}

/** The installer's own last words: the error line of its stack, without the stack. */
function installerMessage(stderr: string): string | undefined {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith(DOWNLOAD_REPORT_PREFIX) && !line.startsWith('at '));
  const error = lines.find((line) => /^[A-Za-z]*Error\b|^Error:/.test(line)) ?? lines.at(-1);
  return error?.slice(0, 300);
}

/** Why the installer failed, as a clause: "github.com could not be found (…)". */
export function installFailureCause(outcome: InstallerOutcome, settings: DownloadSettings): string {
  if (outcome.spawnError !== undefined) return `its installer could not be started (${outcome.spawnError})`;
  if (outcome.timedOut) return `its installer was still running after ${INSTALL_TIMEOUT_MINUTES} minutes`;
  const [network] = networkReports(outcome.stderr);
  if (network) return describeNetworkError(network, settings);
  const message = installerMessage(outcome.stderr);
  const http = message?.match(/Response code (\d+) \(([^)]*)\) for (\S+)/);
  if (http) return `the server answered ${http[1]} ${http[2]} for ${http[3]}`;
  if (message?.includes('checksum')) return `the download did not match Electron's published checksum (${message})`;
  if (message !== undefined) return `its installer failed: ${message}`;
  return `its installer exited with code ${outcome.exitCode ?? 'none'} and said nothing`;
}

export type Failure =
  | { kind: 'download-failed'; cause: string; source: string }
  | { kind: 'override-missing'; executable: string; overrideDistPath: string }
  | { kind: 'installed-but-missing'; reason: string };

function whatFailed(version: string, failure: Failure): string {
  switch (failure.kind) {
    case 'download-failed':
      return `Could not download Electron ${version}, which the desktop app runs in, from ${failure.source}: ${failure.cause}.`;
    case 'override-missing':
      return `ELECTRON_OVERRIDE_DIST_PATH is set to ${failure.overrideDistPath}, but there is no Electron at ${failure.executable}.`;
    case 'installed-but-missing':
      return `Electron ${version}'s installer finished, but the desktop app still cannot find it (${failure.reason}).`;
  }
}

/**
 * The one paragraph a person reads when Electron cannot be installed: what
 * failed, how to fix it, and that the browser client works right now.
 */
export function failureParagraph(version: string, failure: Failure): string {
  const fixes =
    `To fix it, set ELECTRON_MIRROR to a mirror this machine can reach (for example https://npmmirror.com/mirrors/electron/), ` +
    `set HTTPS_PROXY (and NO_PROXY) if the internet is behind a proxy, ` +
    `or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${version} for this system; then run the command again.`;
  return `${whatFailed(version, failure)} ${fixes} Meanwhile \`npm run web\` runs the same boards in a browser, right now.`;
}

/** Wraps a paragraph at `width` columns, on spaces only (a long URL stays whole). */
export function wrapParagraph(text: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EASEL_SERVICE_TYPE } from '../electron/main/lan/lan-discovery';
import { tempDir } from '../tests/support/temp-dir';

/**
 * electron-builder.yml as electron-builder itself loads and validates it
 * (its JSON schema), plus what docs/ARCHITECTURE.md#installers and issue 5 ask of the installers.
 * Building installers needs each OS and the Electron download; the release
 * workflow does that.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface TargetEntry {
  target: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  afterPack: string;
  asarUnpack: string[];
  files: (string | { filter: string[] })[];
  fileAssociations: { ext: string }[];
  protocols: { schemes: string[] }[];
  win: { target: TargetEntry[] };
  mac: {
    target: TargetEntry[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo?: Record<string, unknown>;
    notarize?: boolean;
  };
  linux: { target: TargetEntry[]; executableArgs?: string[] };
  appImage?: { executableArgs?: string[] };
  toolsets?: { appimage?: string | null };
  directories: { buildResources: string };
  publish?: { provider: string; owner?: string; repo?: string } | null;
  icon: string;
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(repoRoot, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(loadConfig()).resolves.toMatchObject({ appId: 'app.easel.desktop', productName: 'Easel' });
  });

  it('builds NSIS, DMG + ZIP (hardened, with entitlements) and AppImage + deb', async () => {
    const config = await loadConfig();
    const targets = (entries: TargetEntry[]) => entries.map((entry) => entry.target).sort();
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.mac.target)).toEqual(['dmg', 'zip']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.hardenedRuntime).toBe(true);
    // `notarize: false` would skip notarization even when the release has Apple's credentials.
    expect(config.mac.notarize).not.toBe(false);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit, config.icon]) {
      expect(existsSync(path.join(repoRoot, file)), file).toBe(true);
    }
  });

  it('registers .easel files and easel:// links, sets the fuses after packing, and ships the web client unpacked', async () => {
    const config = await loadConfig();
    expect(config.fileAssociations.map((association) => association.ext)).toEqual(['easel']);
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['easel']);
    expect(existsSync(path.join(repoRoot, config.afterPack))).toBe(true);
    const patterns = config.files.flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(patterns).toContain('out/**');
    // The web client (and native modules the relay needs, which cannot load from inside an asar).
    expect(config.asarUnpack).toContain('out/web/**');
  });

  it('asks macOS 15 for the local network, naming the Bonjour type the app announces and browses', async () => {
    const { mac } = await loadConfig();
    expect(mac.extendInfo?.NSLocalNetworkUsageDescription).toEqual(expect.stringMatching(/local network/));
    expect(mac.extendInfo?.NSBonjourServices).toEqual([`_${EASEL_SERVICE_TYPE}._tcp`]);
  });

  it('keeps Chromium’s sandbox in the AppImage: the static runtime’s launcher, with no --no-sandbox of our own', async () => {
    const config = await loadConfig();
    // The legacy toolset ('0.0.0', or none) writes --no-sandbox into the AppImage's desktop entry for everyone.
    expect(config.toolsets?.appimage).toMatch(/^1\./);
    for (const args of [config.linux.executableArgs, config.appImage?.executableArgs]) {
      expect(args ?? []).not.toContain('--no-sandbox');
    }
  });

  it('names the GitHub releases as the update feed, so app-update.yml and latest*.yml are written', async () => {
    const { publish } = await loadConfig();
    // `publish: null` writes neither: the app would have no feed to check.
    expect(publish).toEqual({ provider: 'github' });
    // No owner/repo here: electron-builder reads them from the checkout's git remote (actions/checkout
    // writes remote.origin.url), the repository whose releases the workflow drafts.
    const { getRepositoryInfo } = require('app-builder-lib/out/util/repositoryInfo.js') as {
      getRepositoryInfo(projectDir: string): Promise<{ type: string; user: string; project: string } | null>;
    };
    const checkout = await tempDir('easel-checkout-');
    try {
      await mkdir(path.join(checkout.path, '.git'));
      const remote = '[remote "origin"]\n\turl = https://github.com/easel-dev/easel\n';
      await writeFile(path.join(checkout.path, '.git', 'config'), `[core]\n\tbare = false\n${remote}`);
      await expect(getRepositoryInfo(checkout.path)).resolves.toMatchObject({
        type: 'github',
        user: 'easel-dev',
        project: 'easel',
      });
    } finally {
      await checkout.remove();
    }
  });
});

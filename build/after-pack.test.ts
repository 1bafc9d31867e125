import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/temp-dir';

/**
 * The afterPack hook run against a binary laid out like Electron's fuse wire
 * (sentinel, version 1, length, one byte per fuse: '0' off, '1' on). The
 * real @electron/fuses edits it, as it would a packed Electron.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'RunAsNode',
  'CookieEncryption',
  'NodeOptions',
  'Inspect',
  'AsarIntegrity',
  'OnlyAsar',
  'V8Snapshot',
  'FileProtocol',
  'WasmTrap',
];

interface Hook {
  default: (context: unknown) => Promise<void>;
  electronBinaryPath: (context: unknown) => string;
}
const hookUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'after-pack.mjs')).href;
const loadHook = () => import(hookUrl) as Promise<Hook>;

function fakeElectron(initial: string): Buffer {
  return Buffer.concat([
    Buffer.alloc(4096, 7),
    Buffer.from(SENTINEL),
    Buffer.from([1, initial.length]),
    Buffer.from(initial),
    Buffer.alloc(4096, 9),
  ]);
}

async function wireOf(file: string): Promise<Record<string, string>> {
  const bytes = await readFile(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(bytes[at + i]!)]));
}

const context = (appOutDir: string, electronPlatformName: string) => ({
  appOutDir,
  electronPlatformName,
  arch: 1,
  packager: { appInfo: { productFilename: 'Easel' }, executableName: 'easel' },
});

describe('afterPack: production fuses', () => {
  it('finds the packed binary on each platform', async () => {
    const { electronBinaryPath } = await loadHook();
    expect(electronBinaryPath(context('/out/linux-unpacked', 'linux'))).toBe('/out/linux-unpacked/easel');
    expect(electronBinaryPath(context('/out/win-unpacked', 'win32'))).toBe(path.join('/out/win-unpacked', 'Easel.exe'));
    expect(electronBinaryPath(context('/out/mac', 'darwin'))).toBe(path.join('/out/mac', 'Easel.app'));
  });

  it('turns run-as-node, NODE_OPTIONS and inspect off and asar integrity and asar-only on', async () => {
    const dir = await tempDir('easel-fuses-');
    try {
      const binary = path.join(dir.path, 'easel');
      await writeFile(binary, fakeElectron('111100011'));
      const { default: afterPack } = await loadHook();
      await afterPack(context(dir.path, 'linux'));
      expect(await wireOf(binary)).toEqual({
        RunAsNode: '0',
        CookieEncryption: '1',
        NodeOptions: '0',
        Inspect: '0',
        AsarIntegrity: '1',
        OnlyAsar: '1',
        V8Snapshot: '0',
        FileProtocol: '0',
        WasmTrap: '1',
      });
    } finally {
      await dir.remove();
    }
  });

  it('edits the framework inside a macOS bundle', async () => {
    const dir = await tempDir('easel-fuses-mac-');
    try {
      const framework = path.join(dir.path, 'Easel.app/Contents/Frameworks/Electron Framework.framework');
      await mkdir(framework, { recursive: true });
      await writeFile(path.join(framework, 'Electron Framework'), fakeElectron('111100011'));
      const { default: afterPack } = await loadHook();
      await afterPack(context(dir.path, 'darwin'));
      expect(await wireOf(path.join(framework, 'Electron Framework'))).toMatchObject({ RunAsNode: '0', OnlyAsar: '1' });
    } finally {
      await dir.remove();
    }
  });

  it('fails loudly when the binary has no fuse wire', async () => {
    const dir = await tempDir('easel-fuses-bad-');
    try {
      await writeFile(path.join(dir.path, 'easel'), Buffer.alloc(1024));
      const { default: afterPack } = await loadHook();
      await expect(afterPack(context(dir.path, 'linux'))).rejects.toThrow(/sentinel/);
    } finally {
      await dir.remove();
    }
  });
});

import { readFileSync } from 'node:fs';

/**
 * Whether the packaged app's app-update.yml names an update provider. A
 * build that could not tell the GitHub repository (no git remote) still
 * writes the file, holding only `updaterCacheDirName`; electron-updater
 * would then fail every check.
 */
export function hasUpdateFeed(file: string): boolean {
  try {
    return /^provider:\s*\S/m.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

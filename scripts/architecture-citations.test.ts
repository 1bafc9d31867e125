/**
 * Code comments cite the repository's own map, docs/ARCHITECTURE.md, never
 * the numbered sections of the design brief the project started from: that
 * file lives outside the repository, so its section numbers lead nowhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skippedDirectories = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'relay-data',
  'test-results',
  'test-reports',
  'results',
]);
const scannedExtensions = /\.(ts|tsx|js|mjs|cjs|yml|yaml|md)$/;
/** The brief's name followed by a section sign, across a comment's line break. */
const briefCitation = /DESIGN(\.md)?[\s*/#`]*\u00a7/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return skippedDirectories.has(entry.name) ? [] : sourceFiles(entryPath);
    return scannedExtensions.test(entry.name) ? [entryPath] : [];
  });
}

describe('citations in the source tree', () => {
  const files = sourceFiles(repoRoot);

  it('finds the source files it scans', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(repoRoot, 'eslint.config.js'));
  });

  it('cite docs/ARCHITECTURE.md, not the design brief outside the repository', () => {
    const citing = files.filter((file) => briefCitation.test(readFileSync(file, 'utf8')));
    expect(citing.map((file) => path.relative(repoRoot, file))).toEqual([]);
  });
});

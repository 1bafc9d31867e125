/**
 * Code comments cite the repository's own map, docs/ARCHITECTURE.md, never
 * the numbered sections of the design brief the project started from: that
 * file lives outside the repository, so its section numbers lead nowhere.
 * And every `docs/ARCHITECTURE.md#<heading>` they cite must be a heading there.
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
const mapCitation = /docs\/ARCHITECTURE\.md#([a-z0-9-]+)/g;
const mapPath = path.join(repoRoot, 'docs', 'ARCHITECTURE.md');

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function mapAnchors(): Set<string> {
  const headings = readFileSync(mapPath, 'utf8').match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((line) => headingAnchor(line.replace(/^#+ /, ''))));
}

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

  it('name sections that exist in docs/ARCHITECTURE.md', () => {
    const anchors = mapAnchors();
    const dangling = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(mapCitation)]
        .map((match) => match[1] ?? '')
        .filter((anchor) => !anchors.has(anchor))
        .map((anchor) => `${path.relative(repoRoot, file)}: #${anchor}`),
    );
    expect(dangling).toEqual([]);
  });
});

describe('headingAnchor', () => {
  it('makes the anchors GitHub makes', () => {
    expect(headingAnchor('Wire protocol')).toBe('wire-protocol');
    expect(headingAnchor('Window factory and security')).toBe('window-factory-and-security');
    expect(headingAnchor('App and UI')).toBe('app-and-ui');
    expect(headingAnchor('Permissions: where each is decided')).toBe('permissions-where-each-is-decided');
  });
});

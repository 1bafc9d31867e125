import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // svg2pdf.js names only its UMD build for Node, which looks for jsPDF on a global; the ES build imports it.
    alias: [{ find: /^svg2pdf\.js$/, replacement: 'svg2pdf.js/dist/svg2pdf.es.min.js' }],
  },
  test: {
    include: ['{shared,server,renderer,electron,tests,bench,scripts,build}/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'dist/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real relays and child processes; two cores here.
    maxWorkers: 2,
    // CI reads the totals from this report (.ci/summary.mjs).
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-reports/vitest.json' }]] : ['default'],
  },
});

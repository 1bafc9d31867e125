// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules (docs/ARCHITECTURE.md#layers), as regexes over import specifiers. A layer may import
 * only what sits below it: shared ← server ← electron/main, shared ← renderer,
 * shared (types) ← electron/preload.
 */
const layer = (name) => ({
  regex: `^(\\.{1,2}/)+(.*/)?${name}(/.*)?$`,
  message: `Layer rule (docs/ARCHITECTURE.md#layers): this layer must not import ${name}/.`,
});
const nodeBuiltins = {
  regex: '^node:',
  message: 'Layer rule (docs/ARCHITECTURE.md#layers): this layer runs in the browser too; no Node built-ins.',
};
const electronModule = {
  regex: '^electron(/.*)?$',
  message: 'Layer rule (docs/ARCHITECTURE.md#layers): only electron/ may import Electron.',
};
const serverLibraries = {
  regex: '^(socket\\.io|pino)(/.*)?$',
  message: 'Layer rule (docs/ARCHITECTURE.md#layers): server libraries stay in server/.',
};
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'relay-data/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        layer('server'),
        layer('renderer'),
        layer('electron'),
        nodeBuiltins,
        electronModule,
        serverLibraries,
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(layer('renderer'), layer('electron'), electronModule) },
  },
  {
    // The relay core is tested without sockets; only transport/ adapts it to Socket.IO (docs/ARCHITECTURE.md#relay-core).
    files: ['server/core/**/*.ts', 'server/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(layer('renderer'), layer('electron'), layer('transport'), electronModule, {
        regex: '^(socket\\.io|engine\\.io|ws)(/.*)?$',
        message:
          'Layer rule (docs/ARCHITECTURE.md#relay-core): the relay core knows nothing about Socket.IO; transport/ adapts sockets to it.',
      }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        layer('server'),
        layer('electron'),
        nodeBuiltins,
        electronModule,
        serverLibraries,
      ),
    },
  },
  {
    // Inside the renderer the arrows run one way: app/ composes the screens from desktop/, ui/ and the rest;
    // desktop/ and ui/ use routing/ (paths, navigation, new boards), never app/, and routing/ uses neither.
    files: ['renderer/desktop/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}', 'renderer/routing/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        layer('server'),
        layer('electron'),
        nodeBuiltins,
        electronModule,
        serverLibraries,
        {
          regex: '^(\\.{1,2}/)+(.*/)?app(/.*)?$',
          message: 'Renderer rule (docs/ARCHITECTURE.md#app-and-ui): app/ imports desktop/ and ui/, not the other way.',
        },
      ),
    },
  },
  {
    files: ['renderer/routing/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(layer('server'), layer('electron'), nodeBuiltins, electronModule, {
        regex: '^(\\.{1,2}/)+(.*/)?(app|desktop|ui)(/.*)?$',
        message: 'Renderer rule (docs/ARCHITECTURE.md#app-and-ui): routing/ sits below app/, desktop/ and ui/.',
      }),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(layer('renderer'), layer('preload')) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        layer('server'),
        layer('renderer'),
        layer('main'),
        nodeBuiltins,
        serverLibraries,
        {
          // A sandboxed preload can require only `electron`: from shared/, types and the channel names only.
          regex: '^(\\.{1,2}/)+shared/(?!desktop/channels$)',
          allowTypeImports: true,
          message:
            'Layer rule (docs/ARCHITECTURE.md#layers): the preload imports shared/ types only (and shared/desktop/channels).',
        },
        { regex: '^zod(/.*)?$', message: 'A sandboxed preload cannot require zod; the main process validates.' },
      ),
    },
  },
  {
    // In tests a wrong assumption fails the test, which is the point.
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, empty or not.
    files: ['tests/e2e/**/*.ts', 'tests/e2e-electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
);

// Lint small but strict: type-checked rules, no `any`, no floating promises, and the import boundaries of
// DESIGN.md ("Layout") enforced here rather than by convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const onlyShellFiles =
  'Only electron/{main,preload,ipc,security,tray}.ts import electron; the rest runs on plain Node.';

/** Only these shell files may touch Electron (DESIGN.md: the rest of electron/ runs on plain Node). */
const electronShellFiles = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/ipc.ts',
  'electron/security.ts',
  'electron/tray.ts',
];

/**
 * What plain-Node code under electron/ may not import, plus a layer's own ban. One function because flat
 * config replaces (not merges) a rule's options: a layer's block must repeat the electron-wide bans.
 */
function mainProcessImports(...layerPatterns) {
  return [
    'error',
    {
      paths: [{ name: 'electron', message: onlyShellFiles }],
      patterns: [
        // `electron/main`, `electron/renderer`, …: the same module by another name.
        { group: ['electron/*'], message: onlyShellFiles },
        { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' },
        ...layerPatterns,
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'tests/fixtures/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A switch over a union must name every member, so a new error code or screen is not silently missed.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      // Plain-JS scripts run on Node.
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'shared/ runs in every process: no Node, Electron or React imports.',
          })),
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import from a side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronShellFiles,
    rules: { 'no-restricted-imports': mainProcessImports() },
  },
  // The layers inside electron/ (DESIGN.md "Layout"): the building blocks know nothing of the services or
  // the CLI, and the services nothing of the CLI.
  {
    files: ['electron/{vault,pki,files,net,share,sweep}/**/*.ts'],
    rules: {
      'no-restricted-imports': mainProcessImports({
        group: ['**/service/**', '**/cli/**'],
        message: 'vault, pki, files, net, share and sweep sit below the services and the CLI.',
      }),
    },
  },
  {
    files: ['electron/service/**/*.ts'],
    rules: {
      'no-restricted-imports': mainProcessImports({
        group: ['**/cli/**'],
        message: 'The services sit below the CLI.',
      }),
    },
  },
  {
    // security.ts is also loaded outside Electron (the e2e harness serves the UI through its handler, the
    // Vite config reads its CSP): Electron's types only, never the module, whose import starts a download.
    files: ['electron/security.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'security.ts takes Electron objects as parameters; import their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron'].map((name) => ({
            name,
            message: 'The renderer talks only to window.talos: no Node or Electron imports.',
          })),
          patterns: [
            {
              group: ['electron/*'],
              message: 'The renderer talks only to window.talos: no Electron imports.',
            },
            { group: ['**/electron/**'], message: 'The renderer does not import main-process code.' },
          ],
        },
      ],
    },
  },
);

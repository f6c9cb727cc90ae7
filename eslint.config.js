// Lint small but strict: type-checked rules, no `any`, no floating promises, and the import boundaries of
// DESIGN.md ("Layout") enforced here rather than by convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Only these four shell files may touch Electron (DESIGN.md: the rest of electron/ runs on plain Node). */
const electronShellFiles = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/ipc.ts',
  'electron/security.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/{main,preload,ipc,security}.ts import electron; the rest runs on plain Node.',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' },
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
            { group: ['**/electron/**'], message: 'The renderer does not import main-process code.' },
          ],
        },
      ],
    },
  },
);

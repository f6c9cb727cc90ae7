// Bundles the CLI into dist/cli so `talcred` starts from a few files instead of a tree of modules
// (DESIGN.md target: `talcred list` cold start <= 4x `node -e ""`). Dependencies stay external.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: ['electron/cli/main.ts'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too (one file parses faster than a module tree), except the keychain's native addon.
  external: ['@napi-rs/keyring'],
  // Bundled CommonJS dependencies call require(); give the ESM output one.
  banner: {
    js: "import { createRequire as __talcredRequire } from 'node:module'; const require = __talcredRequire(import.meta.url);",
  },
  sourcemap: false,
  logLevel: 'warning',
});

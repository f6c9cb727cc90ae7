// Builds the app's three parts into out/ (DESIGN.md "Dependencies": electron-vite). The CLI has its own
// build (scripts/build-cli.mjs); both share the code under electron/ and shared/.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, cspForMetaTag } from './electron/security.js';

const root = import.meta.dirname;
// electron/preload.ts arrives with the contract registry work; until then the app builds without it, and
// main.ts already points at the file this entry will produce (out/preload/preload.cjs).
const preloadEntry = resolve(root, 'electron/preload.ts');

/**
 * The built index.html carries the CSP in a meta tag too, so the policy holds even if the page is ever
 * served without the header. Build only: the dev server's hot reload needs inline script.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'talos-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspForMetaTag(contentSecurityPolicy()) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { main: resolve(root, 'electron/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  ...(existsSync(preloadEntry) && {
    preload: {
      build: {
        outDir: 'out/preload',
        // A sandboxed preload can require only `electron` and a few built-ins, so everything else it uses
        // (zod, the registry) is bundled into the one file.
        externalizeDeps: false,
        rolldownOptions: {
          input: { preload: preloadEntry },
          external: ['electron'],
          // A sandboxed renderer cannot load an ESM preload; the package is "type": "module", hence `.cjs`.
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
  }),
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves output unminified; the renderer has a size budget (DESIGN.md: gzip <= 200 KB).
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});

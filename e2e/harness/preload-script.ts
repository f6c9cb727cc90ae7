import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const preload = fileURLToPath(new URL('../../electron/preload.ts', import.meta.url));
const shim = fileURLToPath(new URL('./electron-in-page.ts', import.meta.url));

let bundled: Promise<string> | null = null;

/** electron/preload.ts as a script for `page.addInitScript`, with 'electron' answered by the page shim. */
export function preloadScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [preload],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    alias: { electron: shim },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundled;
}

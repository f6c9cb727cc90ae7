import { build } from 'esbuild';
import { repoPath } from './repo-path.js';

const preload = repoPath('electron', 'preload.ts');
const shim = repoPath('e2e', 'harness', 'electron-in-page.ts');

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

#!/usr/bin/env node
// The published entry point; the CLI itself is built into dist/ by `npm install` (the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('talcred: the CLI is not built; run `npm run build` in the project folder.\n');
  process.exit(2);
}
await import(entry.href);

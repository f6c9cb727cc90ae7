// `npm run bench`: bundles bench/main.ts and runs it inside a private Secret Service (the cold-start
// figure opens a keychain vault, as on a desktop).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'node_modules/.cache/talcred-bench/main.mjs';
await build({
  entryPoints: ['bench/main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['scripts/with-secret-service.mjs', process.execPath, outfile], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

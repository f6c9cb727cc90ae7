// Every vitest suite, inside a private Secret Service (real keychain tests; see with-secret-service.mjs).
// Extra arguments go to vitest: `node scripts/run-tests.mjs tests/electron/vault`.
import { spawnSync } from 'node:child_process';

const missing = ['openssl', 'age'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missing.length > 0) {
  process.stderr.write(
    `The tests need: ${missing.join(', ')}. On Debian/Ubuntu: apt-get install openssl age\n`,
  );
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ['scripts/with-secret-service.mjs', 'npx', 'vitest', 'run', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);

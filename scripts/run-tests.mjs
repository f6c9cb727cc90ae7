// Every vitest suite, inside a private Secret Service (real keychain tests; see with-secret-service.mjs).
// Extra arguments go to vitest: `node scripts/run-tests.mjs tests/electron/vault`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const missing = ['openssl', 'age', 'age-keygen'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missing.length > 0) {
  process.stderr.write(
    `The tests need: ${missing.join(', ')}. On Debian/Ubuntu: apt-get install openssl age\n`,
  );
  process.exit(2);
}

const reportDir = mkdtempSync(join(tmpdir(), 'talcred-test-report-'));
const report = join(reportDir, 'vitest.json');
const result = spawnSync(
  process.execPath,
  [
    'scripts/with-secret-service.mjs',
    'npx',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

// One plain closing line, the same in every runner's terms: "N passed, N failed, N skipped".
try {
  const totals = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = totals.numPendingTests + totals.numTodoTests;
  process.stdout.write(
    `\n${totals.numPassedTests} passed, ${totals.numFailedTests} failed, ${skipped} skipped\n`,
  );
} catch {
  process.stdout.write('\nthe test run ended without a report\n');
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(result.status ?? 1);

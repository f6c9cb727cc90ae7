// Every suite — vitest (unit, component) then Playwright (the Chromium e2e) — each inside a private Secret
// Service (real keychain tests; see with-secret-service.mjs), closing on one line summing both runners.
// Extra arguments go to vitest alone and skip Playwright: `node scripts/run-tests.mjs tests/electron/vault`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The e2e drives Debian's chromium (playwright.config.ts): Playwright downloads no browser here.
const missing = ['openssl', 'age', 'age-keygen', '/usr/bin/chromium'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missing.length > 0) {
  process.stderr.write(
    `The tests need: ${missing.join(', ')}. On Debian/Ubuntu: apt-get install openssl age chromium\n`,
  );
  process.exit(2);
}

const reportDir = mkdtempSync(join(tmpdir(), 'talcred-test-report-'));
const vitestReport = join(reportDir, 'vitest.json');
const playwrightReport = join(reportDir, 'playwright.json');
const vitestArgs = process.argv.slice(2);

function inSecretService(command, env = process.env) {
  return spawnSync(process.execPath, ['scripts/with-secret-service.mjs', ...command], {
    stdio: 'inherit',
    env,
  });
}

const vitest = inSecretService([
  'npx',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
  ...vitestArgs,
]);
const playwright =
  vitestArgs.length > 0
    ? null
    : inSecretService(['npx', 'playwright', 'test', '--reporter=list,json'], {
        ...process.env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      });

/** [passed, failed, skipped] from a runner's JSON report, or null when it wrote none. */
function vitestTotals() {
  const totals = JSON.parse(readFileSync(vitestReport, 'utf8'));
  return [totals.numPassedTests, totals.numFailedTests, totals.numPendingTests + totals.numTodoTests];
}
function playwrightTotals() {
  const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  return [stats.expected + stats.flaky, stats.unexpected, stats.skipped];
}

// One plain closing line, the same in every runner's terms: "N passed, N failed, N skipped".
try {
  const sums = [vitestTotals(), ...(playwright === null ? [] : [playwrightTotals()])].reduce((a, b) =>
    a.map((count, index) => count + b[index]),
  );
  process.stdout.write(`\n${sums[0]} passed, ${sums[1]} failed, ${sums[2]} skipped\n`);
} catch {
  process.stdout.write('\nthe test run ended without a report\n');
}
rmSync(reportDir, { recursive: true, force: true });
const failed = [vitest, playwright].some((result) => result !== null && result.status !== 0);
process.exit(failed ? 1 : 0);

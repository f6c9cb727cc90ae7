// Runs a command inside a private D-Bus session with a throw-away, unlocked gnome-keyring, so code that
// uses the OS keychain talks to a real Secret Service without touching the user's own keyring.
// Usage: node scripts/with-secret-service.mjs COMMAND [ARGS...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const needed = ['dbus-run-session', 'gnome-keyring-daemon'];
const missing = needed.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length > 0) {
  process.stderr.write(
    `A private Secret Service needs: ${missing.join(', ')}.\n` +
      'On Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-tools\n',
  );
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'talcred-keyring-'));
const env = {
  ...process.env,
  XDG_DATA_HOME: join(root, 'data'),
  XDG_RUNTIME_DIR: join(root, 'run'),
  TALCRED_TEST_KEYRING_PASSWORD: 'talcred-test-keyring',
  TALCRED_TEST_SECRET_SERVICE: '1',
};
mkdirSync(env.XDG_DATA_HOME, { mode: 0o700 });
mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });

const quoted = process.argv.slice(2).map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`);
const inner = [
  'printf %s "$TALCRED_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
  `exec ${quoted.join(' ')}`,
].join(' && ');
const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], { stdio: 'inherit', env });
try {
  // The keyring daemon may still be writing as the bus goes away; a leftover temp folder is harmless.
  rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
} catch {
  // ignored: see above
}
process.exit(result.status ?? 1);

// Runs every vitest suite inside a private D-Bus session with a throw-away, unlocked gnome-keyring, so the
// keychain tests talk to a real Secret Service (DESIGN.md: real parts in tests) without touching the user's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'openssl', 'age', 'chromium'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
if (missing.length > 0) {
  process.stderr.write(
    `The tests need these programs: ${missing.join(', ')}.\n` +
      'On Debian/Ubuntu: apt-get install dbus gnome-keyring libsecret-tools openssl age chromium\n',
  );
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'talcred-tests-'));
const env = {
  ...process.env,
  XDG_DATA_HOME: join(root, 'data'),
  XDG_RUNTIME_DIR: join(root, 'run'),
  TALCRED_TEST_KEYRING_PASSWORD: 'talcred-test-keyring',
  TALCRED_TEST_SECRET_SERVICE: '1',
};
spawnSync('mkdir', ['-p', '-m', '0700', env.XDG_DATA_HOME, env.XDG_RUNTIME_DIR]);

const inner = [
  'printf %s "$TALCRED_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
  `exec npx vitest run ${process.argv.slice(2).join(' ')}`,
].join(' && ');
const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], { stdio: 'inherit', env });
rmSync(root, { recursive: true, force: true });
process.exit(result.status ?? 1);

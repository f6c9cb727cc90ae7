import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import { allFileBytes, documentWith, jsonLines, run, testKeySources, useDriverWorkspace } from './helpers.js';

/** A read-only or full file system needs a private mount: an unprivileged user namespace gives one. */
const canUnshare = spawnSync('unshare', ['-Urm', 'true']).status === 0;

const workspace = useDriverWorkspace();
const { env } = workspace;

function inNamespace(script: string, extra: NodeJS.ProcessEnv) {
  return run('unshare', ['-Urm', 'sh', '-c', script], {
    ...env,
    DRIVER: workspace.driverPath,
    NODE: process.execPath,
    ...extra,
  });
}

describe.skipIf(!canUnshare)('a vault on a file system that refuses writes (needs `unshare -Urm`)', () => {
  it('on a read-only folder: reads work, changes fail in plain words, nothing changes', async () => {
    const dir = join(workspace.root, 'ro');
    await openVaultStore({ dir, keySources: testKeySources() }).create(documentWith('a'), 'passphrase');
    const before = await allFileBytes(dir);
    const result = await inNamespace(
      [
        'mount --bind "$DIR" "$DIR" && mount -o remount,bind,ro "$DIR"',
        '"$NODE" "$DRIVER" add "$DIR" x 1',
        '"$NODE" "$DRIVER" read "$DIR"',
        '"$NODE" "$DRIVER" create "$DIR/inner" passphrase',
      ].join('\n'),
      { DIR: dir },
    );
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { error: { code: 'vault-write-failed', message: expect.stringMatching(/read-only/) as unknown } },
      { contexts: ['a'] },
      {
        error: {
          code: 'vault-write-failed',
          message: expect.stringContaining(`${dir}/inner: cannot write`) as unknown,
        },
      },
    ]);
    expect(await allFileBytes(dir)).toEqual(before);
  });

  it('on a full disk: the change fails in plain words and leaves every file as it was', async () => {
    const dir = join(workspace.root, 'full');
    await mkdir(dir);
    const result = await inNamespace(
      [
        'set -e',
        'mount -t tmpfs -o size=256k tmpfs "$DIR"',
        '"$NODE" "$DRIVER" create "$DIR/v" passphrase',
        '"$NODE" "$DRIVER" add "$DIR/v" filler 30 >/dev/null',
        'head -c 8192 /dev/zero > "$DIR/pad"',
        'head -c 10000000 /dev/zero > "$DIR/fill" 2>/dev/null || true',
        'rm "$DIR/pad"',
        'before=$(cd "$DIR/v" && ls -A && cat ./* | sha256sum)',
        '"$NODE" "$DRIVER" add "$DIR/v" x 1 || true',
        'after=$(cd "$DIR/v" && ls -A && cat ./* | sha256sum)',
        '[ "$before" = "$after" ] && echo \'{"unchanged":true}\'',
        '"$NODE" "$DRIVER" read "$DIR/v"',
      ].join('\n'),
      { DIR: dir },
    );
    const filler = Array.from({ length: 30 }, (_, index) => `filler-${index}`);
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { created: true },
      {
        error: {
          code: 'vault-write-failed',
          message: expect.stringMatching(/v\/vault: cannot write: the disk is full/) as unknown,
        },
      },
      { unchanged: true },
      { contexts: filler },
    ]);
  });

  it('on a disk too full for the lock: says so and leaves no lock temp file behind', async () => {
    const dir = join(workspace.root, 'no-room-for-lock');
    await mkdir(dir);
    const result = await inNamespace(
      [
        'set -e',
        'mount -t tmpfs -o size=256k tmpfs "$DIR"',
        '"$NODE" "$DRIVER" create "$DIR/v" passphrase',
        'head -c 10000000 /dev/zero > "$DIR/fill" 2>/dev/null || true',
        'before=$(cd "$DIR/v" && ls -A && cat ./* | sha256sum)',
        '"$NODE" "$DRIVER" add "$DIR/v" x 1 || true',
        'after=$(cd "$DIR/v" && ls -A && cat ./* | sha256sum)',
        '[ "$before" = "$after" ] && echo \'{"unchanged":true}\'',
        'ls -A "$DIR/v"',
      ].join('\n'),
      { DIR: dir },
    );
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { created: true },
      {
        error: {
          code: 'vault-write-failed',
          message: expect.stringMatching(/v: cannot write: the disk is full; nothing was changed/) as unknown,
        },
      },
      { unchanged: true },
    ]);
    expect(result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('{'))).toEqual([
      'vault',
    ]);
  });
});

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

/** Shell lines running `command` and printing {"unchanged":true} when every file of "$DIR/v" is as before. */
function unchangedBy(command: string): string[] {
  const snapshot = '$(cd "$DIR/v" && ls -A && cat ./* | sha256sum)';
  return [
    `before=${snapshot}`,
    command,
    `after=${snapshot}`,
    '[ "$before" = "$after" ] && echo \'{"unchanged":true}\'',
  ];
}

/** Shell lines filling the tmpfs at "$DIR" so that only `bytes` stay free. */
function fillLeaving(bytes: number): string[] {
  return [
    `head -c ${bytes} /dev/zero > "$DIR/pad"`,
    'head -c 10000000 /dev/zero > "$DIR/fill" 2>/dev/null || true',
    'rm "$DIR/pad"',
  ];
}

/** The driver's line for a write refused for want of space. */
function diskFull(message: RegExp) {
  return { error: { code: 'vault-write-failed', message: expect.stringMatching(message) as unknown } };
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
        ...fillLeaving(8192),
        ...unchangedBy('"$NODE" "$DRIVER" add "$DIR/v" x 1 || true'),
        '"$NODE" "$DRIVER" read "$DIR/v"',
      ].join('\n'),
      { DIR: dir },
    );
    const filler = Array.from({ length: 30 }, (_, index) => `filler-${index}`);
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { created: true },
      diskFull(/v\/vault: cannot write: the disk is full/),
      { unchanged: true },
      { contexts: filler },
    ]);
  });

  it('on a disk that fills up part-way through a rekey: it fails in plain words and changes nothing', async () => {
    const dir = join(workspace.root, 'full-rekey');
    await mkdir(dir);
    // The oldest backup is small and the others large: a rekey that rewrites file by file gets the small
    // one done before the disk is full.
    const result = await inNamespace(
      [
        'set -e',
        'mount -t tmpfs -o size=1m tmpfs "$DIR"',
        '"$NODE" "$DRIVER" create "$DIR/v" passphrase',
        '"$NODE" "$DRIVER" add "$DIR/v" small 1 >/dev/null',
        '"$NODE" "$DRIVER" grow "$DIR/v" 150 >/dev/null',
        '"$NODE" "$DRIVER" add "$DIR/v" late 2 >/dev/null',
        ...fillLeaving(24576),
        ...unchangedBy('"$NODE" "$DRIVER" rekey "$DIR/v" passphrase || true'),
        'rm "$DIR/fill"',
        '"$NODE" "$DRIVER" add "$DIR/v" next 1',
        'ls -A "$DIR/v"',
      ].join('\n'),
      { DIR: dir },
    );
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { created: true },
      diskFull(/cannot write: the disk is full/),
      { unchanged: true },
      { added: 1 },
    ]);
    // Nothing set aside as damaged by the next write: every backup still opens with the vault's key.
    expect(result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('{'))).toEqual([
      'vault',
      'vault.bak1',
      'vault.bak2',
      'vault.bak3',
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
        ...fillLeaving(0),
        ...unchangedBy('"$NODE" "$DRIVER" add "$DIR/v" x 1 || true'),
        'ls -A "$DIR/v"',
      ].join('\n'),
      { DIR: dir },
    );
    expect(jsonLines(result.stdout), result.stderr).toEqual([
      { created: true },
      diskFull(/v: cannot write: the disk is full; nothing was changed/),
      { unchanged: true },
    ]);
    expect(result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('{'))).toEqual([
      'vault',
    ]);
  });
});

import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAtomicTempFileFor, writeFileAtomic } from '../../../electron/files/atomic-write.js';
import { FileError } from '../../../electron/files/file-error.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talcred-atomic-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file readable only by the user unless told otherwise', async () => {
    const path = join(root, 'config');
    await writeFileAtomic(path, 'one');
    expect(await readFile(path, 'utf8')).toBe('one');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(path, new Uint8Array([50, 51]), { mode: 0o640 });
    expect(await readFile(path, 'utf8')).toBe('23');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(root)).toEqual(['config']);
  });

  it('writes through a symlink and keeps the link', async () => {
    const real = join(root, 'dotfiles-config');
    const link = join(root, 'linked');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('writes through a link to a file not made yet, making that file and keeping the link', async () => {
    const real = join(root, 'dotfiles-new');
    const link = join(root, 'linked-new');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('refuses a FIFO at once, naming what it is, and leaves it in place', async () => {
    const fifo = join(root, 'a-fifo');
    spawnSync('mkfifo', [fifo]);
    const error = await writeFileAtomic(fifo, 'x').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).code).toBe('file-not-regular');
    expect((error as FileError).message).toMatch(
      new RegExp(`^${fifo}: is a FIFO \\(named pipe\\), not a regular file`),
    );
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('fails with a message naming the path when the folder does not exist', async () => {
    const path = join(root, 'missing', 'config');
    const error = await writeFileAtomic(path, 'x').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(FileError);
    expect((error as FileError).message).toBe(`${path}: cannot write: no such file or folder`);
  });

  it('recognises only its own temp file names', () => {
    expect(isAtomicTempFileFor('/a/vault', '.vault.0123456789ab.tmp')).toBe(true);
    expect(isAtomicTempFileFor('/a/vault', '.vault.bak1.0123456789ab.tmp')).toBe(false);
    expect(isAtomicTempFileFor('/a/v.x', '.vvx.0123456789ab.tmp')).toBe(false);
  });
});

const canUnshare = spawnSync('unshare', ['-Urm', 'true']).status === 0;

describe.skipIf(!canUnshare)(
  'writeFileAtomic on a file system that refuses the write (needs `unshare -Urm`)',
  () => {
    let writer: string;
    afterAll(async () => {
      await rm(join(writer, '..'), { recursive: true, force: true });
    });
    beforeAll(async () => {
      // The child runs the real module: bundle a two-line entry around it.
      const cache = join(process.cwd(), 'node_modules', '.cache');
      await mkdir(cache, { recursive: true });
      writer = join(await mkdtemp(join(cache, 'talcred-atomic-')), 'writer.mjs');
      await build({
        stdin: {
          contents: `import { writeFileAtomic } from './electron/files/atomic-write.ts';
          writeFileAtomic(process.argv[2], Buffer.alloc(Number(process.argv[3]), 0x61))
            .then(() => console.log('written'), (error) => console.log(error.constructor.name + ': ' + error.message));`,
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        outfile: writer,
        bundle: true,
        format: 'esm',
        platform: 'node',
        logLevel: 'error',
      });
    });

    const attempt = (setup: string, dir: string, bytes: number) =>
      spawnSync(
        'unshare',
        [
          '-Urm',
          'sh',
          '-c',
          `${setup} && "$NODE" "$WRITER" "$DIR/config" ${bytes} && ls -A "$DIR" && cat "$DIR/config"`,
        ],
        {
          env: { ...process.env, NODE: process.execPath, WRITER: writer, DIR: dir },
          encoding: 'utf8',
        },
      );

    it('on a full disk: says so, keeps the old content, leaves no temp file', async () => {
      const dir = join(root, 'full');
      await mkdir(dir);
      const result = attempt(
        'mount -t tmpfs -o size=64k tmpfs "$DIR" && printf old > "$DIR/config"',
        dir,
        1_000_000,
      );
      expect(result.stdout.split('\n')).toEqual([
        `FileError: ${dir}/config: cannot write: the disk is full`,
        'config',
        'old',
      ]);
    });

    it('on a read-only folder: says so and changes nothing', async () => {
      const dir = join(root, 'ro');
      await mkdir(dir);
      await writeFile(join(dir, 'config'), 'old');
      const result = attempt('mount --bind "$DIR" "$DIR" && mount -o remount,bind,ro "$DIR"', dir, 10);
      expect(result.stdout.split('\n')).toEqual([
        `FileError: ${dir}/config: cannot write: the file system is read-only`,
        'config',
        'old',
      ]);
    });
  },
);

import { describe, expect, it } from 'vitest';
import { fileArgumentsFromArgv, filesFromSecondInstance } from '../../../electron/launch-arguments.js';

const packaged = { packaged: true, cwd: '/home/ada' };
const unpackaged = { packaged: false, cwd: '/home/ada' };

describe('fileArgumentsFromArgv', () => {
  it('skips the executable (and the app folder when unpackaged) and Chromium switches', () => {
    const argv = ['/opt/talos/talos-cm', '--allow-file-access', 'prod.talosconfig', '/tmp/team.age'];
    expect(fileArgumentsFromArgv(argv, packaged)).toEqual(['/home/ada/prod.talosconfig', '/tmp/team.age']);
    expect(fileArgumentsFromArgv(['/usr/bin/electron', '.', 'x.age'], unpackaged)).toEqual([
      '/home/ada/x.age',
    ]);
  });

  it('finds nothing in a plain launch', () => {
    expect(fileArgumentsFromArgv(['/opt/talos/talos-cm'], packaged)).toEqual([]);
    expect(fileArgumentsFromArgv(['/usr/bin/electron', '.', '--inspect=0'], unpackaged)).toEqual([]);
  });
});

describe('filesFromSecondInstance', () => {
  it('takes the absolute files the second instance resolved', () => {
    expect(filesFromSecondInstance({ files: ['/a/x.age', 'relative'] }, [], packaged)).toEqual(['/a/x.age']);
  });

  it('falls back to its argv, resolved in its working folder, when it sent nothing usable', () => {
    const argv = ['/opt/talos/talos-cm', 'y.talosconfig'];
    expect(filesFromSecondInstance(null, argv, { packaged: true, cwd: '/srv' })).toEqual([
      '/srv/y.talosconfig',
    ]);
    expect(filesFromSecondInstance({ files: [1, 2] }, argv, { packaged: true, cwd: '/srv' })).toEqual([
      '/srv/y.talosconfig',
    ]);
  });
});

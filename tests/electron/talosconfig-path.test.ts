import { describe, expect, it } from 'vitest';
import { POD_SECRET_TALOSCONFIG, resolveTalosconfigPath } from '../../electron/talosconfig-path.js';

const HOME = '/home/alice';
const HOME_CONFIG = '/home/alice/.talos/config';

/** A file system holding exactly these paths; records what was asked. */
function files(...paths: string[]) {
  const asked: string[] = [];
  return {
    asked,
    exists: (path: string) => {
      asked.push(path);
      return paths.includes(path);
    },
  };
}

function resolve(env: Record<string, string | undefined>, existing: string[], flag?: string) {
  return resolveTalosconfigPath({ flag, env, homeDir: HOME, exists: files(...existing).exists });
}

describe('resolveTalosconfigPath', () => {
  it('uses --talosconfig whatever else exists, and talosctl would create it when missing', () => {
    const everything = ['/flag/config', '/env/config', HOME_CONFIG, POD_SECRET_TALOSCONFIG];
    expect(resolve({ TALOSCONFIG: '/env/config' }, everything, '/flag/config')).toEqual({
      path: '/flag/config',
      readOnly: false,
      source: 'flag',
      exists: true,
    });
    expect(resolve({ TALOSCONFIG: '/env/config' }, everything.slice(1), '/flag/config')).toEqual({
      path: '/flag/config',
      readOnly: false,
      source: 'flag',
      exists: false,
    });
  });

  it('treats an empty --talosconfig as not given, as talosctl does', () => {
    expect(resolve({}, [HOME_CONFIG], '').source).toBe('home');
  });

  it('prefers an existing $TALOSCONFIG', () => {
    expect(resolve({ TALOSCONFIG: '/env/config' }, ['/env/config', HOME_CONFIG])).toEqual({
      path: '/env/config',
      readOnly: false,
      source: 'TALOSCONFIG',
      exists: true,
    });
  });

  it('falls through a missing $TALOSCONFIG to an existing ~/.talos/config', () => {
    expect(resolve({ TALOSCONFIG: '/env/config' }, [HOME_CONFIG])).toEqual({
      path: HOME_CONFIG,
      readOnly: false,
      source: 'home',
      exists: true,
    });
  });

  it('creates the missing $TALOSCONFIG when nothing exists: it is the first writable candidate', () => {
    expect(resolve({ TALOSCONFIG: '/env/config' }, [])).toEqual({
      path: '/env/config',
      readOnly: false,
      source: 'TALOSCONFIG',
      exists: false,
    });
  });

  it('ignores a set but empty $TALOSCONFIG', () => {
    expect(resolve({ TALOSCONFIG: '' }, [])).toEqual({
      path: HOME_CONFIG,
      readOnly: false,
      source: 'home',
      exists: false,
    });
  });

  it('uses $TALOS_HOME/config instead of ~/.talos/config when TALOS_HOME is absolute', () => {
    expect(resolve({ TALOS_HOME: '/srv/talos' }, ['/srv/talos/config', HOME_CONFIG])).toEqual({
      path: '/srv/talos/config',
      readOnly: false,
      source: 'TALOS_HOME',
      exists: true,
    });
    // ~/.talos/config is then not a candidate at all.
    expect(resolve({ TALOS_HOME: '/srv/talos' }, [HOME_CONFIG])).toEqual({
      path: '/srv/talos/config',
      readOnly: false,
      source: 'TALOS_HOME',
      exists: false,
    });
  });

  it.each(['relative/talos', './talos', ''])(
    'ignores a TALOS_HOME that is not absolute (%j)',
    (talosHome) => {
      expect(resolve({ TALOS_HOME: talosHome }, [])).toEqual({
        path: HOME_CONFIG,
        readOnly: false,
        source: 'home',
        exists: false,
      });
    },
  );

  it('reads the pod secret read-only when it is the only file there', () => {
    expect(resolve({ TALOSCONFIG: '/env/config' }, [POD_SECRET_TALOSCONFIG])).toEqual({
      path: '/var/run/secrets/talos.dev/config',
      readOnly: true,
      source: 'pod-secret',
      exists: true,
    });
  });

  it('never creates the pod secret: with nothing there, ~/.talos/config is the file to create', () => {
    const result = resolve({}, []);
    expect(result).toEqual({ path: HOME_CONFIG, readOnly: false, source: 'home', exists: false });
  });

  it('checks the candidates in talosctl order and stops at the first that exists', () => {
    const fs = files(HOME_CONFIG);
    resolveTalosconfigPath({ env: { TALOSCONFIG: '/env/config' }, homeDir: HOME, exists: fs.exists });
    expect(fs.asked).toEqual(['/env/config', HOME_CONFIG]);
    const none = files();
    resolveTalosconfigPath({
      env: { TALOSCONFIG: '/env/config', TALOS_HOME: '/th' },
      homeDir: HOME,
      exists: none.exists,
    });
    expect(none.asked).toEqual(['/env/config', '/th/config', POD_SECRET_TALOSCONFIG]);
  });
});

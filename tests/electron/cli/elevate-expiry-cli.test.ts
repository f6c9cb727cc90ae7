import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { readConfig, useIssuingVault } from '../../support/issuing-cli.js';

// The shortest elevation lives a minute; this file waits it out in real time (no clock is faked in the
// binary), alone so that the other files run meanwhile.
const vault = useIssuingVault({ importBundles: true });
const talosconfig = () => join(vault.dir, 'talosctl-config');
const talcred = (...args: string[]) => vault.talcred('--talosconfig', talosconfig(), ...args);

describe('an elevation that expires', () => {
  it('is removed by the next command, and talosctl is switched back to where it was raised from', async () => {
    const issued = await talcred(
      'issue',
      '--ca',
      'c1',
      '--roles',
      'os:reader',
      '--name',
      'prod',
      '--store',
      '--endpoints',
      '10.0.0.1',
    );
    expect(issued.code, issued.stderr).toBe(0);
    expect((await talcred('use', 'prod')).code).toBe(0);
    const elevate = await talcred(
      'elevate',
      'prod',
      '--roles',
      'os:operator',
      '--reason',
      'reboot',
      '--ttl',
      '1m',
      '--json',
    );
    expect(elevate.code, elevate.stderr).toBe(0);
    const { notAfter } = JSON.parse(elevate.stdout) as { notAfter: string };
    expect((await readConfig(talosconfig())).context).toBe('prod-elevated');

    // Still running a moment before its end: nothing is removed early.
    const before = await talcred('list', '--json');
    expect(before.stderr).toBe('');
    expect((JSON.parse(before.stdout) as ContextItem[]).map((item) => item.name)).toContain('prod-elevated');

    await sleep(Math.max(0, Date.parse(notAfter) - Date.now()) + 1_000);
    const after = await talcred('list', '--json');
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(
      'elevation "prod-elevated" expired and was removed; talosctl is back on "prod"',
    );
    expect((JSON.parse(after.stdout) as ContextItem[]).map((item) => item.name)).toEqual(['prod']);
    const file = await readConfig(talosconfig());
    expect(file.context).toBe('prod');
    expect(file.contexts.map((context) => context.name)).toEqual(['prod']);
    // Said once: the next command finds nothing left to end.
    expect((await talcred('status')).stderr).toBe('');
  }, 120_000);
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli } from '../../support/talcred-cli.js';
import { ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { leaks, vaultWithIssuedContext } from './security-sandbox.js';

// STYLE.md: messages and output never carry keys, passphrases or base64 of keys. Every --json face of the
// real binary, and the error a mistaken age identity causes, are searched for the secrets in play.

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe('secret material never reaches what talcred prints', () => {
  it('holds for every --json command over a vault with a CA and an issued context', async () => {
    const { sandbox, secrets, issuedFile } = await vaultWithIssuedContext(sandboxFor);
    const csr = join(sandbox.root, 'ask.csr');
    const runs = [
      ['list'],
      ['show', 'reader@prod'],
      ['status'],
      ['log'],
      ['ca', 'list'],
      ['doctor'],
      ['inspect', issuedFile],
      ['issue', '--ca', 'prod', '--roles', 'os:operator', '--store', '--name', 'op'],
      ['request', '--roles', 'os:reader', '--name', 'mine', '-o', csr],
      ['sign', '--ca', 'prod', csr, '-o', join(sandbox.root, 'signed.pem')],
      ['export', 'reader@prod', '-o', join(sandbox.root, 'out.yaml')],
    ];
    for (const args of runs) {
      const result = await ok(sandbox, [...args, '--json']);
      expect(() => JSON.parse(result.stdout) as unknown, args.join(' ')).not.toThrow();
      expect(leaks(result.stdout + result.stderr, secrets), `talcred ${args.join(' ')}`).toEqual([]);
    }
  });

  it('never echoes an age identity given where a recipient belongs', async () => {
    const { sandbox, secrets } = await vaultWithIssuedContext(sandboxFor);
    const identity = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .find((line) => line.startsWith('AGE-SECRET-KEY-'));
    if (identity === undefined) throw new Error('age-keygen printed no identity');
    const out = join(sandbox.root, 'share.age');
    for (const args of [
      ['export', 'reader@prod', '-o', out, '--age-recipient', identity],
      ['export', 'reader@prod', '-o', out, '--age-recipient', identity.toLowerCase()],
      ['issue', '--ca', 'prod', '--roles', 'os:reader', '-o', out, '--age-recipient', identity],
    ]) {
      const result = await sandbox.run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/age identity .* private key/);
      expect(result.stderr.toUpperCase()).not.toContain(identity.slice('AGE-SECRET-KEY-1'.length, 40));
      expect(leaks(result.stderr, secrets)).toEqual([]);
    }
  });
});

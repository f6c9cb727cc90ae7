import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { folderBytes, requireBuiltCli, type CliSandbox } from '../../support/talcred-cli.js';
import {
  bad,
  initVault,
  json,
  names,
  ok,
  sandboxTracker,
  type Item,
} from '../../support/talcred-cli-steps.js';
import { ADMIN } from '../../support/talos-fixtures.js';

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

/** The vault folder and talosctl's file, byte for byte: "nothing changed" compares two of these. */
async function disk(sandbox: CliSandbox) {
  return {
    vault: await folderBytes(sandbox.home),
    talosctl: await readFile(sandbox.talosconfig).catch(() => null),
  };
}

async function vaultWithAdmin(): Promise<CliSandbox> {
  const sandbox = await sandboxFor('passphrase');
  await initVault(sandbox, 'passphrase', ADMIN);
  await ok(sandbox, ['use', 'no-roles']);
  return sandbox;
}

async function received(sandbox: CliSandbox, name: string, yaml: string): Promise<string> {
  const path = join(sandbox.root, name);
  await writeFile(path, yaml);
  return path;
}

describe('list --label', () => {
  it('refuses KEY without =VALUE, and says when no context matches a good filter', async () => {
    const sandbox = await vaultWithAdmin();
    await ok(sandbox, ['label', 'no-roles', 'env=prod']);
    expect(await bad(sandbox, ['list', '--label', 'env'])).toMatch(/--label.*KEY=VALUE/);
    const none = await ok(sandbox, ['list', '--label', 'env=dev']);
    expect(none.stdout.trim()).toBe('no context matches label env=dev');
    expect((await json<Item[]>(sandbox, ['list', '--label', 'env=prod'])).map((i) => i.name)).toEqual([
      'no-roles',
    ]);
  });
});

describe('endpoints and nodes are addresses', () => {
  const refused = ['', 'bad host!', '::::', 'a\nb', '10.0.0.1:65536', 'host:0', '[fd00::1', 'http://x.y'];

  it.each(refused)('endpoints and nodes refuse %j, naming it, and change nothing', async (address) => {
    const sandbox = await vaultWithAdmin();
    const before = await disk(sandbox);
    const endpointLine = await bad(sandbox, ['endpoints', 'no-roles', '10.0.0.1', address]);
    expect(endpointLine).toContain(`endpoint ${JSON.stringify(address)}`);
    expect(endpointLine).not.toMatch(/Too small|expected string/);
    expect(await bad(sandbox, ['nodes', 'no-roles', address])).toContain(`node ${JSON.stringify(address)}`);
    expect(await disk(sandbox)).toEqual(before);
  });

  it('accepts host, host:port, IPv4, IPv6 bare or bracketed with a port, DNS names and https URLs', async () => {
    const sandbox = await vaultWithAdmin();
    const good = [
      '10.0.0.1',
      '10.0.0.1:50000',
      'fd00::1',
      '[fd00::1]:50000',
      'cp-1.example.com',
      'cp-1:6443',
      'https://acme.omni.siderolabs.io',
      'https://acme.omni.siderolabs.io:8443/',
    ];
    expect((await json<Item>(sandbox, ['endpoints', 'no-roles', ...good])).endpoints).toEqual(good);
    const written = parseTalosconfig(await readFile(sandbox.talosconfig, 'utf8'), 'talosctl');
    expect(written.contexts[0]?.endpoints).toEqual(good);
    expect((await json<Item>(sandbox, ['nodes', 'no-roles', '10.0.0.9', 'fd00::9'])).nodes).toEqual([
      '10.0.0.9',
      'fd00::9',
    ]);
  });

  it('import refuses a received file with a bad endpoint or node, naming file, context and field', async () => {
    const sandbox = await vaultWithAdmin();
    const before = await disk(sandbox);
    const endpoint = await received(
      sandbox,
      'bad-endpoint.yaml',
      'context: x\ncontexts:\n  x:\n    endpoints:\n      - 10.0.0.1\n      - "bad host!"\n',
    );
    expect(await bad(sandbox, ['import', endpoint])).toMatch(
      new RegExp(`^talcred: ${endpoint}: contexts\\.x\\.endpoints: "bad host!" is not`),
    );
    const node = await received(sandbox, 'bad-node.yaml', 'contexts:\n  y:\n    nodes: ["1.2.3.4:99999"]\n');
    expect(await bad(sandbox, ['import', node])).toContain(`${node}: contexts.y.nodes: "1.2.3.4:99999"`);
    expect(await disk(sandbox)).toEqual(before);
  });
});

describe('context names reach the terminal escaped, new names are bounded', () => {
  it('a received name with a line break prints no fake rows in import, list and findings', async () => {
    const sandbox = await vaultWithAdmin();
    const evil = 'evil\nCURRENT   NAME   fake-row';
    const path = await received(
      sandbox,
      'evil.yaml',
      `context: ""\ncontexts:\n  ${JSON.stringify(evil)}:\n    endpoints: [10.0.0.5]\n`,
    );
    const imported = await ok(sandbox, ['import', path]);
    const listed = await ok(sandbox, ['list']);
    for (const output of [imported.stdout, imported.stderr, listed.stdout]) {
      expect(output).not.toMatch(/^\s*CURRENT {3}NAME {3}fake-row/m);
      expect(output.split('\n').filter((line) => line.includes('fake-row'))).toEqual(
        output.includes('fake-row') ? [expect.stringContaining('evil\\u000aCURRENT')] : [],
      );
    }
    expect(listed.stdout).toContain('evil\\u000aCURRENT');
    // Kept as it came (nothing is lost): the vault still holds the name exactly.
    expect(await names(sandbox)).toContain(evil);
  });

  it('rename refuses a name with control characters or over 256 characters, and cuts it in messages', async () => {
    const sandbox = await vaultWithAdmin();
    const before = await disk(sandbox);
    expect(await bad(sandbox, ['rename', 'no-roles', 'two\nlines'])).toMatch(/control characters/);
    expect(await bad(sandbox, ['rename', 'no-roles', 'bell\u0007'])).toMatch(/control characters/);
    const long = 'x'.repeat(100_000);
    const tooLong = await bad(sandbox, ['rename', 'no-roles', long]);
    expect(tooLong).toMatch(/longer than 256 characters/);
    expect(tooLong.length).toBeLessThan(300);
    const missing = await bad(sandbox, ['rename', long, 'y']);
    expect(missing).toMatch(/^talcred: no context "x+…"/);
    expect(missing.length).toBeLessThan(300);
    expect(await disk(sandbox)).toEqual(before);
    await ok(sandbox, ['rename', 'no-roles', 'y'.repeat(256)]);
  });
});

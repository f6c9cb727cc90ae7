import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contextBlocks,
  expectOneLineError,
  keys,
  podSecretExists,
  text,
  useFileCli,
  type FileRun,
} from '../../support/file-cli.js';
import { ADMIN, FUTURE, NOROLES, SECRETS } from '../../support/talos-fixtures.js';
import { talcredBin } from '../../support/talcred-cli.js';

const cli = useFileCli('talcred-inspect-');
const talcred = cli.run;

/** Everything a report says, minus findings that depend on today's date (the fixtures expire in 2031). */
function timelessCodes(findings: { code: string }[]): string[] {
  return findings.map((finding) => finding.code).filter((code) => !/^(cert|ca)-expir/.test(code));
}

function openssl(pemBase64: string, ...args: string[]): string {
  return execFileSync('openssl', ['x509', '-noout', ...args], {
    input: Buffer.from(pemBase64, 'base64'),
    encoding: 'utf8',
  });
}

function field(path: string, name: 'ca' | 'crt'): string {
  return new RegExp(`^ {8}${name}: (\\S+)$`, 'm').exec(text(path))?.[1] ?? '';
}

/** Nine levels of nine aliases each: 9^9 nodes if a parser expanded them all. */
function billionLaughs(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  for (let level = 1; level < names.length; level++) {
    const name = names[level] ?? '';
    lines.push(
      `${name}: &${name} [${Array.from({ length: 9 }, () => `*${names[level - 1] ?? ''}`).join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('talcred inspect', () => {
  it('prints the table and the findings of each real fixture', () => {
    const admin = talcred(['inspect', ADMIN]);
    expect(admin.code).toBe(0);
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toMatch(/^CURRENT +NAME +ENDPOINTS +NODES +ROLES +EXPIRES$/m);
    expect(admin.stdout).toMatch(
      /^\* +no-roles +172\.20\.1\.2,172\.20\.1\.3,172\.20\.1\.4 +172\.20\.1\.2 +os:admin +2031-07-03 \(/m,
    );
    expect(admin.stdout).toMatch(
      /^ {2}error +eku-not-client-auth-only +contexts\.no-roles\.crt: .*clientAuth/m,
    );
    expect(admin.stdout).toMatch(/^ {2}info +admin-role /m);

    const noRoles = talcred(['inspect', NOROLES]);
    expect(noRoles.stdout).toMatch(/^\* +no-roles +172\.20\.1\.2 +- +\(none\) +2031-07-03 /m);
    expect(noRoles.stdout).toMatch(/^ {2}error +eku-not-client-auth-only /m);
    expect(noRoles.stdout).toMatch(/^ {2}error +no-roles +contexts\.no-roles\.crt: /m);

    const future = talcred(['inspect', FUTURE]);
    expect(future.stdout).toMatch(/^\* +future-role +- +- +os:future +2031-07-03 /m);
    expect(future.stdout).toMatch(/^ {2}error +eku-not-client-auth-only /m);
    expect(future.stdout).toMatch(/^ {2}warning unknown-role +contexts\.future-role\.crt: .*os:future/m);
    expect(future.stdout).toMatch(/^ {2}warning no-endpoints /m);
  });

  it('prints one JSON object with exactly the documented keys and the certificate facts', () => {
    const { code, stdout } = talcred(['inspect', ADMIN, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      path: string;
      current: string;
      contexts: {
        name: string;
        cert: Record<string, unknown>;
        ca: Record<string, unknown>[];
        findings: { code: string; severity: string; message: string }[];
      }[];
    };
    expect(keys(report)).toEqual(['contexts', 'current', 'path']);
    expect(report).toMatchObject({ path: ADMIN, current: 'no-roles' });
    const [context] = report.contexts;
    if (!context) throw new Error('no context in the report');
    expect(keys(context)).toEqual([
      'auth',
      'ca',
      'cert',
      'current',
      'endpoints',
      'findings',
      'name',
      'nodes',
    ]);
    expect(keys(context.cert)).toEqual([
      'extKeyUsage',
      'fingerprintSha256',
      'issuer',
      'keyType',
      'notAfter',
      'notBefore',
      'roles',
      'serial',
      'subject',
      'unknownRoles',
    ]);
    for (const ca of context.ca)
      expect(keys(ca)).toEqual(['fingerprintSha256', 'keyType', 'notAfter', 'notBefore', 'subject']);
    for (const finding of context.findings) expect(keys(finding)).toEqual(['code', 'message', 'severity']);

    // Independent facts: OpenSSL's reading of the same certificates.
    const crt = field(ADMIN, 'crt');
    const ca = field(ADMIN, 'ca');
    const hex = (line: string) => (line.split('=')[1] ?? '').replaceAll(':', '').trim().toLowerCase();
    expect(context).toMatchObject({
      name: 'no-roles',
      current: true,
      endpoints: ['172.20.1.2', '172.20.1.3', '172.20.1.4'],
      nodes: ['172.20.1.2'],
      auth: 'mtls',
      cert: {
        subject: 'O=os:admin',
        issuer: 'O=talos',
        serial: hex(openssl(crt, '-serial')),
        roles: ['os:admin'],
        unknownRoles: [],
        notBefore: '2021-07-05T11:18:33Z',
        notAfter: '2031-07-03T11:18:33Z',
        keyType: 'ed25519',
        fingerprintSha256: hex(openssl(crt, '-fingerprint', '-sha256')),
        extKeyUsage: ['serverAuth', 'clientAuth'],
      },
      ca: [
        {
          subject: 'O=talos',
          notAfter: '2031-07-03T11:18:33Z',
          keyType: 'ed25519',
          fingerprintSha256: hex(openssl(ca, '-fingerprint', '-sha256')),
        },
      ],
    });
    expect(timelessCodes(context.findings)).toEqual(['eku-not-client-auth-only', 'admin-role']);
    expect(context.findings[0]?.severity).toBe('error');

    const noRoles = JSON.parse(talcred(['inspect', NOROLES, '--json']).stdout) as typeof report;
    expect(noRoles.contexts[0]?.cert).toMatchObject({ subject: '', roles: [], unknownRoles: [] });
    expect(timelessCodes(noRoles.contexts[0]?.findings ?? [])).toEqual([
      'eku-not-client-auth-only',
      'no-roles',
    ]);
    const future = JSON.parse(talcred(['inspect', FUTURE, '--json']).stdout) as typeof report;
    expect(future.contexts[0]).toMatchObject({ endpoints: [], cert: { roles: ['os:future'] } });
    expect(future.contexts[0]?.cert).toMatchObject({ unknownRoles: ['os:future'] });
    expect(timelessCodes(future.contexts[0]?.findings ?? [])).toEqual([
      'eku-not-client-auth-only',
      'unknown-role',
      'no-endpoints',
    ]);
  });

  it('filters with --context and refuses an unknown context, listing the names', () => {
    const both = join(cli.dir, 'both.yaml');
    writeFileSync(both, `context: future-role\ncontexts:\n${contextBlocks(FUTURE)}${contextBlocks(ADMIN)}`);
    const all = JSON.parse(talcred(['inspect', both, '--json']).stdout) as { contexts: { name: string }[] };
    expect(all.contexts.map((context) => context.name)).toEqual(['future-role', 'no-roles']);

    const one = talcred(['inspect', both, '--context', 'no-roles', '--json']);
    const filtered = JSON.parse(one.stdout) as {
      current: string;
      contexts: { name: string; current: boolean }[];
    };
    expect(filtered.current).toBe('future-role');
    expect(filtered.contexts).toMatchObject([{ name: 'no-roles', current: false }]);

    const unknown = talcred(['inspect', both, '--context', 'prod']);
    expectOneLineError(unknown, both);
    expect(unknown.stderr).toContain('"prod"');
    expect(unknown.stderr).toContain('future-role, no-roles');
  });

  it('reads standard input with "-"', () => {
    const { code, stdout } = talcred(['inspect', '-', '--json'], { input: text(NOROLES) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      path: '-',
      contexts: [{ name: 'no-roles', cert: { roles: [] } }],
    });
  });

  it('finds the file as talosctl does: --talosconfig, $TALOSCONFIG, absolute $TALOS_HOME, ~/.talos/config', () => {
    const roles = (result: FileRun) => {
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { path: string; contexts: { cert: { roles: string[] } }[] })
        .contexts[0]?.cert.roles;
    };
    mkdirSync(join(cli.home, '.talos'));
    writeFileSync(join(cli.home, '.talos', 'config'), text(ADMIN));
    mkdirSync(join(cli.dir, 'talos-home'));
    writeFileSync(join(cli.dir, 'talos-home', 'config'), text(FUTURE));
    const fromEnv = join(cli.dir, 'env.yaml');
    writeFileSync(fromEnv, text(NOROLES));

    const homeResult = talcred(['inspect', '--json']);
    expect(JSON.parse(homeResult.stdout)).toMatchObject({ path: join(cli.home, '.talos', 'config') });
    expect(roles(homeResult)).toEqual(['os:admin']);
    expect(
      roles(talcred(['inspect', '--json'], { env: { TALOS_HOME: join(cli.dir, 'talos-home') } })),
    ).toEqual(['os:future']);
    // A relative TALOS_HOME is ignored (talosctl 1.13+), even when it names an existing folder.
    expect(roles(talcred(['inspect', '--json'], { env: { TALOS_HOME: 'talos-home' } }))).toEqual([
      'os:admin',
    ]);
    const env = { TALOSCONFIG: fromEnv, TALOS_HOME: join(cli.dir, 'talos-home') };
    expect(roles(talcred(['inspect', '--json'], { env }))).toEqual([]);
    const flag = join(cli.dir, 'talos-home', 'config');
    expect(roles(talcred(['inspect', '--talosconfig', flag, '--json'], { env }))).toEqual(['os:future']);
    expect(roles(talcred([`--talosconfig=${flag}`, 'inspect', '--json'], { env }))).toEqual(['os:future']);
    // A FILE argument wins over every default.
    expect(roles(talcred(['inspect', ADMIN, '--json'], { env }))).toEqual(['os:admin']);
  });

  it.skipIf(podSecretExists)('says where it looked when no talosconfig exists', () => {
    expectOneLineError(talcred(['inspect']), join(cli.home, '.talos', 'config'));
  });

  it('exits 1 with --strict when a context has error findings, 0 when none has', () => {
    for (const path of [ADMIN, NOROLES, FUTURE]) {
      expect(talcred(['inspect', path, '--strict']).code).toBe(1);
      expect(talcred(['inspect', path]).code).toBe(0);
    }
    const omni = join(cli.dir, 'omni.yaml');
    writeFileSync(
      omni,
      'context: omni\ncontexts:\n    omni:\n        endpoints:\n            - https://x.omni.siderolabs.io\n' +
        '        auth:\n            siderov1:\n                identity: a@example.com\n        cluster: prod\n',
    );
    const result = talcred(['inspect', omni, '--strict', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      contexts: [{ name: 'omni', auth: 'siderov1', cert: null, ca: [], findings: [] }],
    });
  });

  it('still lists a context whose crt is broken base64, with its finding, beside a good one', () => {
    const broken = contextBlocks(ADMIN)
      .replace('no-roles:', 'broken:')
      .replace(/^( {8}crt: )LS0t/m, '$1LS0');
    const path = join(cli.dir, 'broken.yaml');
    writeFileSync(path, `context: broken\ncontexts:\n${broken}${contextBlocks(NOROLES)}`);
    const { code, stdout } = talcred(['inspect', path, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      contexts: { name: string; cert: unknown; findings: { code: string }[] }[];
    };
    expect(report.contexts.map((context) => context.name)).toEqual(['broken', 'no-roles']);
    expect(report.contexts[0]?.cert).toBeNull();
    expect(timelessCodes(report.contexts[0]?.findings ?? [])).toEqual(['invalid-base64']);
    expect(report.contexts[1]?.cert).not.toBeNull();
    expect(talcred(['inspect', path]).stdout).toMatch(/^ {2}error +invalid-base64 +contexts\.broken\.crt: /m);
  });

  it('refuses a file that is not a talosconfig with one line naming it', () => {
    const bad: Record<string, string | Buffer> = {
      'bad-yaml.yaml': 'context: a\ncontexts:\n  a: [\n',
      'duplicate.yaml': 'context: a\ncontexts:\n  a:\n    endpoints: []\n  a:\n    endpoints: []\n',
      'list.yaml': '- context\n- contexts\n',
      'secrets.yaml': text(SECRETS),
      'empty.yaml': '',
      'latin1.yaml': Buffer.from('context: caf\xe9\ncontexts: {}\n', 'latin1'),
      'huge.yaml': Buffer.alloc(16 * 1024 * 1024 + 1, 0x61),
      'laughs.yaml': billionLaughs(),
    };
    for (const [name, content] of Object.entries(bad)) {
      const path = join(cli.dir, name);
      writeFileSync(path, content);
      expectOneLineError(talcred(['inspect', path]), path);
    }
    mkdirSync(join(cli.dir, 'folder.yaml'));
    expectOneLineError(talcred(['inspect', join(cli.dir, 'folder.yaml')]), join(cli.dir, 'folder.yaml'));
    expectOneLineError(talcred(['inspect', join(cli.dir, 'missing.yaml')]), join(cli.dir, 'missing.yaml'));
    expectOneLineError(talcred(['inspect', '-'], { input: 'foo: [\n' }), 'standard input');
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    const child = spawn(process.execPath, [talcredBin, 'inspect', ADMIN], { env: cli.env(), cwd: cli.dir });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('talcred usage', () => {
  it('has --help for inspect, merge, roles and can', () => {
    for (const command of ['inspect', 'merge', 'roles', 'can']) {
      const result = talcred([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: talcred ${command} `));
      expect(result.stderr).toBe('');
    }
  });

  it('refuses an unknown command, an unknown flag and a missing argument with one line', () => {
    expectOneLineError(talcred(['inspekt']), '"inspekt"');
    expectOneLineError(talcred(['inspect', ADMIN, '--bogus']), '--bogus');
    expectOneLineError(talcred(['merge', ADMIN, '--into']), '--into');
    expectOneLineError(talcred(['merge']), 'merge');
    expectOneLineError(talcred(['inspect', ADMIN, NOROLES]), 'one file');
  });
});

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The real binary, as a user runs it; `npm test` builds dist/ before vitest starts.
const bin = fileURLToPath(new URL('../../../bin/talcred.js', import.meta.url));
const built = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/talos/', import.meta.url));

const fixture = (name: string): string => join(fixtures, name);
const ADMIN = fixture('talosconfig-admin-2021.yaml');
const NOROLES = fixture('talosconfig-noroles-2021.yaml');
const FUTURE = fixture('talosconfig-futurerole-2021.yaml');
const SECRETS = fixture('secrets-talos-generate-testdata.yaml');
const text = (path: string): string => readFileSync(path, 'utf8');
// talosctl's last resort (a Kubernetes pod's mount); where it exists, "nothing found" cannot be arranged.
const podSecretExists = existsSync('/var/run/secrets/talos.dev/config');

let dir = '';
let home = '';

interface RunOptions {
  env?: Record<string, string>;
  input?: string | Buffer;
}

/** HOME is a temp folder and TALOSCONFIG/TALOS_HOME are cleared, so only the test decides what resolves. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const cleared = new Set(['TALOSCONFIG', 'TALOS_HOME', 'TALCRED_DEBUG']);
  const inherited = Object.entries(process.env).filter(([name]) => !cleared.has(name));
  return { ...Object.fromEntries(inherited), HOME: home, ...extra };
}

function talcred(args: string[], options: RunOptions = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnv(options.env),
    input: options.input ?? '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure a user caused: exit 2, one line naming the file, never a stack trace. */
function expectOneLineError(result: ReturnType<typeof talcred>, mentions: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^talcred: [^\n]+\n$/);
  expect(result.stderr).toContain(mentions);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

/** Everything a report says, minus findings that depend on today's date (the fixtures expire in 2031). */
function timelessCodes(findings: { code: string }[]): string[] {
  return findings.map((finding) => finding.code).filter((code) => !/^(cert|ca)-expir/.test(code));
}

/** The context blocks of a talosconfig written by talosctl (everything under `contexts:`). */
function contextBlocks(path: string): string {
  return text(path).split('contexts:\n')[1] ?? '';
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

const mode = (path: string): number => statSync(path).mode & 0o777;

beforeAll(() => {
  if (!existsSync(built)) throw new Error('dist/cli is not built: run `npm run build` first');
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talcred-inspect-merge-'));
  home = join(dir, 'home');
  mkdirSync(home);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const keys = (value: object): string[] => Object.keys(value).sort();

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
      expect(keys(ca)).toEqual(['fingerprintSha256', 'keyType', 'notAfter', 'subject']);
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
    const both = join(dir, 'both.yaml');
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
    const roles = (result: ReturnType<typeof talcred>) => {
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { path: string; contexts: { cert: { roles: string[] } }[] })
        .contexts[0]?.cert.roles;
    };
    mkdirSync(join(home, '.talos'));
    writeFileSync(join(home, '.talos', 'config'), text(ADMIN));
    mkdirSync(join(dir, 'talos-home'));
    writeFileSync(join(dir, 'talos-home', 'config'), text(FUTURE));
    const fromEnv = join(dir, 'env.yaml');
    writeFileSync(fromEnv, text(NOROLES));

    const homeResult = talcred(['inspect', '--json']);
    expect(JSON.parse(homeResult.stdout)).toMatchObject({ path: join(home, '.talos', 'config') });
    expect(roles(homeResult)).toEqual(['os:admin']);
    expect(roles(talcred(['inspect', '--json'], { env: { TALOS_HOME: join(dir, 'talos-home') } }))).toEqual([
      'os:future',
    ]);
    // A relative TALOS_HOME is ignored (talosctl 1.13+), even when it names an existing folder.
    expect(roles(talcred(['inspect', '--json'], { env: { TALOS_HOME: 'talos-home' } }))).toEqual([
      'os:admin',
    ]);
    const env = { TALOSCONFIG: fromEnv, TALOS_HOME: join(dir, 'talos-home') };
    expect(roles(talcred(['inspect', '--json'], { env }))).toEqual([]);
    const flag = join(dir, 'talos-home', 'config');
    expect(roles(talcred(['inspect', '--talosconfig', flag, '--json'], { env }))).toEqual(['os:future']);
    expect(roles(talcred([`--talosconfig=${flag}`, 'inspect', '--json'], { env }))).toEqual(['os:future']);
    // A FILE argument wins over every default.
    expect(roles(talcred(['inspect', ADMIN, '--json'], { env }))).toEqual(['os:admin']);
  });

  it.skipIf(podSecretExists)('says where it looked when no talosconfig exists', () => {
    expectOneLineError(talcred(['inspect']), join(home, '.talos', 'config'));
  });

  it('exits 1 with --strict when a context has error findings, 0 when none has', () => {
    for (const path of [ADMIN, NOROLES, FUTURE]) {
      expect(talcred(['inspect', path, '--strict']).code).toBe(1);
      expect(talcred(['inspect', path]).code).toBe(0);
    }
    const omni = join(dir, 'omni.yaml');
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
    const path = join(dir, 'broken.yaml');
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
      const path = join(dir, name);
      writeFileSync(path, content);
      expectOneLineError(talcred(['inspect', path]), path);
    }
    mkdirSync(join(dir, 'folder.yaml'));
    expectOneLineError(talcred(['inspect', join(dir, 'folder.yaml')]), join(dir, 'folder.yaml'));
    expectOneLineError(talcred(['inspect', join(dir, 'missing.yaml')]), join(dir, 'missing.yaml'));
    expectOneLineError(talcred(['inspect', '-'], { input: 'foo: [\n' }), 'standard input');
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    const child = spawn(process.execPath, [bin, 'inspect', ADMIN], { env: childEnv(), cwd: dir });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

interface Plan {
  added: string[];
  renamed: { from: string; to: string }[];
  replaced: string[];
  skipped: string[];
  current: { from: string; to: string };
}

/** What talosctl writes for a merge of admin, then noroles, then futurerole (TALOS.md "Merge"). */
function talosctlMergeOfAllThree(): string {
  const future = contextBlocks(FUTURE).replace(
    '    future-role:\n',
    '    future-role:\n        endpoints: []\n',
  );
  const noRoles1 = contextBlocks(NOROLES).replace('    no-roles:\n', '    no-roles-1:\n');
  return `context: future-role\ncontexts:\n${future}${contextBlocks(ADMIN)}${noRoles1}`;
}

describe('talcred merge', () => {
  const renamedLine = 'renamed talosconfig context "no-roles" -> "no-roles-1"\n';

  it('merges real files as talosctl does, into a created 0700 folder and a 0600 file', () => {
    const target = join(dir, 'new', 'talos', 'config');
    const result = talcred(['merge', ADMIN, NOROLES, FUTURE, '--into', target]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(renamedLine);
    expect(text(target)).toBe(talosctlMergeOfAllThree());
    expect(mode(target)).toBe(0o600);
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(join(dir, 'new', 'talos'))).toBe(0o700);
  });

  it('makes the incoming current context current under its new name, keeps it for "", clears it when missing', () => {
    const target = join(dir, 'config');
    writeFileSync(target, text(NOROLES));
    const run = (from: string) =>
      JSON.parse(talcred(['merge', from, '--into', target, '--json']).stdout) as Plan;
    expect(run(ADMIN)).toMatchObject({ renamed: [{ from: 'no-roles', to: 'no-roles-1' }] });
    expect(text(target)).toMatch(/^context: no-roles-1\n/);

    const noCurrent = join(dir, 'no-current.yaml');
    writeFileSync(noCurrent, text(FUTURE).replace('context: future-role', 'context: ""'));
    expect(run(noCurrent).current).toEqual({ from: 'no-roles-1', to: 'no-roles-1' });

    const ghost = join(dir, 'ghost.yaml');
    writeFileSync(ghost, text(ADMIN).replace('context: no-roles', 'context: ghost'));
    expect(run(ghost).current).toEqual({ from: 'no-roles-1', to: '' });
    expect(text(target)).toMatch(/^context: ""\n/);
    expect(text(target)).toMatch(/^ {4}no-roles-2:$/m);
  });

  it('renames the same file merged twice, and with --dedupe changes nothing, byte for byte', () => {
    const target = join(dir, 'config');
    // A comment talosctl would drop: proves that a merge that changes nothing does not rewrite the file.
    const original = `# my clusters\n${text(ADMIN)}`;
    writeFileSync(target, original);
    const deduped = talcred(['merge', ADMIN, '--into', target, '--dedupe', '--json']);
    expect(deduped.code).toBe(0);
    expect(deduped.stderr).toBe('');
    expect(JSON.parse(deduped.stdout)).toEqual({
      added: [],
      renamed: [],
      replaced: [],
      skipped: ['no-roles'],
      current: { from: 'no-roles', to: 'no-roles' },
    });
    expect(text(target)).toBe(original);

    const twice = talcred(['merge', ADMIN, '--into', target]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe(renamedLine);
    const renamedCopy = contextBlocks(ADMIN).replace('    no-roles:\n', '    no-roles-1:\n');
    expect(text(target)).toBe(`context: no-roles-1\ncontexts:\n${contextBlocks(ADMIN)}${renamedCopy}`);
  });

  it('prints the plan with --dry-run and writes nothing', () => {
    const absent = join(dir, 'absent', 'config');
    const plan = talcred(['merge', ADMIN, NOROLES, '--into', absent, '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('nothing written');
    expect(plan.stdout).toMatch(/^add +no-roles$/m);
    expect(plan.stdout).toMatch(/^rename +no-roles -> no-roles-1$/m);
    expect(plan.stdout).toMatch(/^current +"" -> "no-roles-1"$/m);
    expect(existsSync(join(dir, 'absent'))).toBe(false);

    const existing = join(dir, 'config');
    writeFileSync(existing, text(NOROLES));
    const json = talcred(['merge', ADMIN, FUTURE, '--into', existing, '--dry-run', '--json']);
    const parsed = JSON.parse(json.stdout) as Plan;
    expect(keys(parsed)).toEqual(['added', 'current', 'renamed', 'replaced', 'skipped']);
    expect(keys(parsed.current)).toEqual(['from', 'to']);
    for (const entry of parsed.renamed) expect(keys(entry)).toEqual(['from', 'to']);
    expect(parsed).toEqual({
      added: ['future-role'],
      renamed: [{ from: 'no-roles', to: 'no-roles-1' }],
      replaced: [],
      skipped: [],
      current: { from: 'no-roles', to: 'future-role' },
    });
    expect(text(existing)).toBe(text(NOROLES));
  });

  it.skipIf(podSecretExists)(
    'merges into the file talosctl uses when --into is not given, creating it',
    () => {
      const fromEnv = join(dir, 'env', 'talosconfig');
      const viaEnv = talcred(['merge', NOROLES], { env: { TALOSCONFIG: fromEnv } });
      expect(viaEnv.code).toBe(0);
      expect(text(fromEnv)).toBe(text(NOROLES));
      expect(mode(fromEnv)).toBe(0o600);
      expect(existsSync(join(home, '.talos'))).toBe(false);

      expect(talcred(['merge', '-'], { input: text(ADMIN) }).code).toBe(0);
      const homeConfig = join(home, '.talos', 'config');
      expect(text(homeConfig)).toBe(text(ADMIN));
      expect(mode(join(home, '.talos'))).toBe(0o700);
    },
  );

  it('writes exactly what talosctl writes: a fixture merged into an empty target gives its own bytes', () => {
    for (const path of [ADMIN, NOROLES]) {
      const missing = join(dir, 'missing.yaml');
      const empty = join(dir, 'empty.yaml');
      writeFileSync(empty, 'context: ""\ncontexts: {}\n');
      expect(talcred(['merge', path, '--into', missing]).code).toBe(0);
      expect(talcred(['merge', path, '--into', empty]).code).toBe(0);
      expect(text(missing)).toBe(text(path));
      expect(text(empty)).toBe(text(path));
      rmSync(missing);
    }
    // The FutureRole fixture has no `endpoints` key; talosctl always writes one (TALOS.md).
    const target = join(dir, 'future.yaml');
    expect(talcred(['merge', FUTURE, '--into', target]).code).toBe(0);
    expect(text(target)).toBe(
      text(FUTURE).replace('    future-role:\n', '    future-role:\n        endpoints: []\n'),
    );
  });

  it('changes nothing when one FROM file or the target is bad', () => {
    const badYaml = join(dir, 'bad.yaml');
    writeFileSync(badYaml, 'context: a\ncontexts:\n  a: [\n');
    const target = join(dir, 'config');
    writeFileSync(target, text(NOROLES));
    for (const from of [badYaml, SECRETS, join(dir, 'missing.yaml')]) {
      expectOneLineError(talcred(['merge', ADMIN, from, FUTURE, '--into', target]), from);
      expect(text(target)).toBe(text(NOROLES));
      expectOneLineError(talcred(['merge', ADMIN, from, '--into', join(dir, 'absent')]), from);
      expect(existsSync(join(dir, 'absent'))).toBe(false);
    }
    expectOneLineError(talcred(['merge', ADMIN, '--into', badYaml]), badYaml);
    expect(text(badYaml)).toBe('context: a\ncontexts:\n  a: [\n');
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

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCsr } from '../../../electron/pki/csr.js';
import { folderBytes, oneErrorLine, requireBuiltCli } from '../../support/talcred-cli.js';
import { bad, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { BUNDLE, vaultWithIssuedContext } from './security-sandbox.js';

// eslint-disable-next-line no-control-regex -- control characters are what these tests look for
const controlCharacter = /[\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex -- the same: bell, escape, carriage return
const terminalControl = /[\u0007\u001b\r]/;

// DESIGN.md "Errors and bad input": whatever a user (or a teammate's file) throws at the real binary ends
// in exit 2 and ONE line on stderr, with no stack trace and nothing changed on disk.

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

describe('hostile and wrong input through the real binary', () => {
  it('every command refuses bad files and flags in one line and changes nothing', async () => {
    const { sandbox, issuedFile } = await vaultWithIssuedContext(sandboxFor);
    const at = (name: string) => join(sandbox.root, name);
    await mkdir(at('a-folder'));
    await writeFile(at('garbage.pem'), 'not PEM at all\n');
    const bundle = await readFile(BUNDLE, 'utf8');
    // One character of the OS CA's base64 replaced by one outside the alphabet.
    await writeFile(at('broken-ca.yaml'), bundle.replace(/(os:\n\s+crt: LS0t)L/, '$1!'));
    // A certificate where a request belongs: the issued one, decoded from its talosconfig field.
    const crt = /crt: (\S+)/.exec(await readFile(issuedFile, 'utf8'))?.[1] ?? '';
    const cert = Buffer.from(crt, 'base64').toString('latin1');
    expect(cert).toContain('BEGIN CERTIFICATE');
    await writeFile(at('a-certificate.csr'), cert);
    const escapes = await createCsr({ roles: ['os:reader', '\u001b[2J\u001b[1Aos:reader'] });
    await writeFile(at('escapes.csr'), escapes.csrPem);
    const lineBreak = await createCsr({ roles: ['os:admin\n    at forged (frame.js:1:1)'] });
    await writeFile(at('line-break.csr'), lineBreak.csrPem);
    const roles = (count: number) => Array.from({ length: count }, (_, index) => `role-${index}`);
    await writeFile(at('many-roles.csr'), (await createCsr({ roles: roles(1500) })).csrPem);
    await writeFile(at('huge.csr'), (await createCsr({ roles: roles(4000) })).csrPem);
    const identity = at('other.key');
    execFileSync('age-keygen', ['-o', identity], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', identity], { encoding: 'utf8' }).trim();
    const wrongIdentity = at('wrong.key');
    execFileSync('age-keygen', ['-o', wrongIdentity], { stdio: 'ignore' });
    await ok(sandbox, ['export', 'reader@prod', '-o', at('share.age'), '--age-recipient', recipient]);

    const before = await folderBytes(sandbox.home);
    const cases: [string[], RegExp][] = [
      [['issue', '--ca', 'prod', '--roles', 'os:reader', '--store', '--ttl', 'soon'], /not a valid duration/],
      [['issue', '--ca', 'prod', '--roles', 'os:reader', '--store', '--ttl', '-5d'], /ambiguous.*--ttl=-XYZ/],
      [['ca', 'import', '--name', 'x', '--secrets', at('a-folder')], /is a folder/],
      [['ca', 'import', '--name', 'x', '--secrets', at('missing.yaml')], /no such file/],
      [['ca', 'import', '--name', 'x', '--secrets', at('garbage.pem')], /neither certs\.os/],
      [
        ['ca', 'import', '--name', 'x', '--secrets', at('broken-ca.yaml')],
        /certs\.os\.crt: not valid base64/,
      ],
      [
        ['ca', 'import', '--name', 'x', '--crt', at('garbage.pem'), '--key', at('garbage.pem')],
        /no PEM block/,
      ],
      [['sign', '--ca', 'prod', at('a-certificate.csr'), '-o', at('x.pem')], /no CERTIFICATE REQUEST/],
      [['sign', '--ca', 'prod', at('garbage.pem'), '-o', at('x.pem')], /no PEM block/],
      [['sign', '--ca', 'prod', at('escapes.csr'), '-o', at('x.pem')], /control characters/],
      [['sign', '--ca', 'prod', at('line-break.csr'), '-o', at('x.pem')], /control characters/],
      [['sign', '--ca', 'prod', at('many-roles.csr'), '-o', at('x.pem')], /unknown roles .* and 1495 more/],
      [['sign', '--ca', 'prod', at('huge.csr'), '-o', at('x.pem')], /larger than 64 KiB/],
      [['import', at('share.age'), '--age-identity', wrongIdentity], /none of the 1 given identities/],
      [['import', at('share.age'), '--age-identity', at('garbage.pem')], /not a valid age identity/],
      [['accept', at('garbage.pem')], /no PEM block/],
      [['inspect', at('a-folder')], /is a folder/],
    ];
    for (const [args, expected] of cases) {
      const line = await bad(sandbox, args);
      expect(line, args.join(' ')).toMatch(expected);
      expect(line.length, args.join(' ')).toBeLessThan(600);
      expect(line).not.toMatch(controlCharacter);
    }
    expect(await folderBytes(sandbox.home)).toEqual(before);
  });

  it('a vault folder that is a file, or a vault that is a folder, is one line too', async () => {
    const sandbox = await sandboxFor('passphrase');
    await writeFile(join(sandbox.root, 'a-file'), 'x');
    const home = join(sandbox.root, 'a-file');
    expect(await bad(sandbox, ['--home', home, 'init', '--passphrase'])).toMatch(
      /a-file: cannot write: a file is already there where a folder is needed$/,
    );
    expect(await bad(sandbox, ['--home', home, 'list'])).toMatch(/not a folder/);
    await mkdir(join(sandbox.home, 'vault'), { recursive: true });
    for (const command of [['list'], ['status'], ['log'], ['use', 'x'], ['restore']]) {
      expect(await bad(sandbox, command)).toMatch(/vault/);
    }
  });

  it("talosctl's file that cannot be read is left as it is, and said so on one line", async () => {
    const { sandbox, issuedFile } = await vaultWithIssuedContext(sandboxFor);
    await mkdir(join(sandbox.root, 'talos'), { recursive: true });
    const bytes = Buffer.concat([await readFile(issuedFile), Buffer.from('# \xff\xfe\n', 'latin1')]);
    await writeFile(sandbox.talosconfig, bytes);
    expect(await bad(sandbox, ['use', 'reader@prod'])).toMatch(
      /is not UTF-8 text \(the file was left as it is/,
    );
    expect(await readFile(sandbox.talosconfig)).toEqual(bytes);
    await writeFile(sandbox.talosconfig, 'just: [a, list');
    expect(await bad(sandbox, ['use', 'reader@prod'])).toMatch(/left as it is/);
    await rm(sandbox.talosconfig);
  });

  it('names from a file reach the terminal without their control characters', async () => {
    const sandbox = await sandboxFor('passphrase');
    const file = join(sandbox.root, 'hostile.yaml');
    await writeFile(
      file,
      'context: "\\e]0;owned\\a\\e[2J"\ncontexts:\n  "\\e]0;owned\\a\\e[2J":\n    endpoints: ["10.0.0.1\\r\\e[K"]\n',
    );
    const text = await ok(sandbox, ['inspect', file]);
    expect(text.stdout).not.toMatch(terminalControl);
    expect(text.stdout).toContain('\\u001b]0;owned\\u0007\\u001b[2J');
    const json = await ok(sandbox, ['inspect', file, '--json']);
    expect(json.stdout).not.toMatch(terminalControl);
    expect((JSON.parse(json.stdout) as { contexts: { name: string }[] }).contexts[0]?.name).toBe(
      '\u001b]0;owned\u0007\u001b[2J',
    );
    const failure = await sandbox.run(['inspect', join(sandbox.root, '\u001b[2Jmissing.yaml')]);
    expect(oneErrorLine(failure.stderr)).toContain('\\u001b[2Jmissing.yaml');
  });
});

describe('a small file that expands past what the vault can hold', () => {
  it('import refuses an 8 MiB talosconfig whose aliases repeat one long value, naming it, and changes nothing', async () => {
    const sandbox = await sandboxFor('passphrase');
    await ok(sandbox, ['init', '--passphrase']);
    const path = join(sandbox.root, 'aliases.yaml');
    const long = 'A'.repeat(8 * 1024 * 1024 - 1024);
    const aliases = Array.from({ length: 40 }, (_, index) => `    x${index}: *big`).join('\n');
    await writeFile(
      path,
      `context: a\ncontexts:\n  a:\n    endpoints: [10.0.0.1]\n    big: &big ${long}\n${aliases}\n`,
    );
    const before = await folderBytes(sandbox.home);
    expect(await bad(sandbox, ['import', path])).toMatch(
      new RegExp(`^talcred: ${path}: expands to more than 16 MiB of text`),
    );
    expect(await folderBytes(sandbox.home)).toEqual(before);
    await ok(sandbox, ['list']);
  });
});

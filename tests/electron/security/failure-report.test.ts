import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { failureReport } from '../../../electron/cli/failure-report.js';
import { printJson, writeLine, type CliIo } from '../../../electron/cli/io.js';
import { oneLine, terminalText } from '../../../electron/cli/terminal-text.js';
import { FileError } from '../../../electron/files/file-error.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import { VaultError } from '../../../electron/vault/vault-error.js';
import { UsageError } from '../../../shared/user-error.js';
import { requireBuiltCli, runTalcred } from '../../support/talcred-cli.js';

// What the binary prints when a command fails, and what any printed line may hold.

const KEY_LINE = 'MC4CAQAwBQYDK2VwBCIEIOESOGA615FKlLBCZUlfXrUAfCsYLV5tM07Jon54wTCK';

describe('failureReport', () => {
  it.each([
    [new FileError('output-exists', 'out.yaml already exists; it was left as it is'), 'pass --force'],
    [new VaultError('vault-damaged', 'vault: damaged'), '`talcred restore`'],
    [new VaultError('vault-missing', 'vault: there is no vault yet'), '`talcred init`'],
    [new PkiError('admin-needs-confirmation', 'os:admin can do anything'), 'pass --yes-admin'],
    [new UsageError('"prod" is the current context', 'context-is-current'), '`talcred use --off`'],
    [new FileError('talosconfig-read-only', 'x is read-only'), '--talosconfig'],
    [
      new VaultError('keychain-unavailable', 'no Secret Service', { remedy: 'use-passphrase' }),
      '`talcred init --passphrase`',
    ],
    [
      new VaultError('keychain-unavailable', 'no Secret Service', { remedy: 'start-keychain' }),
      '`talcred rekey --passphrase`',
    ],
    [new UsageError('say where it goes', 'output-missing'), '-o FILE, --store'],
  ])('turns the remedy of %s into what to type: %s', (error, hint) => {
    const report = failureReport(error, false);
    expect(report).toContain(`talcred: ${error.message}; `);
    expect(report).toContain(hint);
  });

  it('adds nothing where the message says it all', () => {
    const error = new VaultError('wrong-passphrase', 'vault: the passphrase is wrong');
    expect(failureReport(error, false)).toBe('talcred: vault: the passphrase is wrong\n');
  });

  it("prints a UserError's message on one line, its control characters made visible", () => {
    const report = failureReport(
      new UsageError('bad.csr: asks for os:admin\n    at forged\r\u001b[2J'),
      false,
    );
    expect(report).toBe('talcred: bad.csr: asks for os:admin at forged\\u000d\\u001b[2J\n');
  });

  it("never prints another error's message: library messages quote their input, which may be a key", () => {
    const error = new SyntaxError(`Unexpected token 'x', "key: ${KEY_LINE}" is not valid JSON`);
    const report = failureReport(error, false);
    expect(report).not.toContain(KEY_LINE);
    expect(report.trimEnd().split('\n')).toHaveLength(1);
    expect(report).toMatch(/^talcred: unexpected internal error \(SyntaxError\); .*TALCRED_DEBUG=1/);
  });

  it('names the errno or Node code, a fixed word, and nothing given as a value', () => {
    const error = Object.assign(new Error(`ENOSPC: no space left, write '${KEY_LINE}'`), { code: 'ENOSPC' });
    expect(failureReport(error, false)).toMatch(/\(Error ENOSPC\)/);
    expect(failureReport(Object.assign(new Error('x'), { code: KEY_LINE }), false)).not.toContain(KEY_LINE);
    expect(failureReport(`a thrown string ${KEY_LINE}`, false)).not.toContain(KEY_LINE);
  });

  it('with TALCRED_DEBUG shows where it happened, still not the message or lines forged in it', () => {
    const error = new Error(`bad input ${KEY_LINE}\n    at forged (${KEY_LINE}:1:1)`);
    const report = failureReport(error, true);
    expect(report).not.toContain(KEY_LINE);
    const lines = report.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => /^\s+at /.test(line))).toBe(true);
    expect(report).toContain('failure-report.test.ts');
  });
});

describe('terminal text', () => {
  it('shows control characters as escapes and keeps tabs and line breaks', () => {
    expect(terminalText('a\tb\nc\u001b]0;x\u0007\u009b\u202e')).toBe(
      'a\tb\nc\\u001b]0;x\\u0007\\u009b\\u202e',
    );
    expect(oneLine('one\r\n  two\n')).toBe('one two');
  });

  function io(): { io: CliIo; out: () => string } {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const value = {
      stdin: new PassThrough(),
      stdout,
      stderr: new PassThrough(),
      env: {},
      cwd: '/',
      now: () => new Date(0),
    };
    return { io: value, out: () => text };
  }

  it('writeLine and --json output carry no raw control character, and the JSON still parses', () => {
    const { io: cli, out } = io();
    writeLine(cli.stdout, 'name \u001b[31mred');
    printJson(cli, { name: '\u001b[2J\u009b1m\u007f' });
    const [line, ...json] = out().split('\n');
    expect(line).toBe('name \\u001b[31mred');
    // eslint-disable-next-line no-control-regex -- the control characters are what must not be there
    expect(out()).not.toMatch(/[\u001b\u007f-\u009f]/);
    expect(JSON.parse(json.join('\n'))).toEqual({ name: '\u001b[2J\u009b1m\u007f' });
  });
});

describe('the binary on an unexpected error', () => {
  // A bug stands in for a library failing on a key: node:crypto's randomUUID (called by `init`) is made to
  // throw an error whose message holds key text and a forged frame.
  const preload = `import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
crypto.randomUUID = () => { throw new TypeError('cannot read ${KEY_LINE}\\n    at forged (x.js:1:1)'); };
syncBuiltinESMExports();
`;

  it('exits 2 with one line that names the kind of error only; TALCRED_DEBUG adds real frames', async () => {
    requireBuiltCli();
    const dir = await mkdtemp(join(tmpdir(), 'talcred-unexpected-'));
    try {
      await writeFile(join(dir, 'preload.mjs'), preload);
      const env = {
        ...process.env,
        NODE_OPTIONS: `--import=${join(dir, 'preload.mjs')}`,
        TALCRED_PASSPHRASE: 'x',
        TALCRED_DEBUG: undefined,
      };
      const args = ['--home', join(dir, 'home'), 'init', '--passphrase'];
      const plain = await runTalcred(args, { env });
      expect(plain.code).toBe(2);
      expect(plain.stderr).not.toContain(KEY_LINE);
      expect(plain.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^talcred: unexpected internal error \(TypeError\);.*TALCRED_DEBUG=1/),
      ]);
      const debug = await runTalcred(args, { env: { ...env, TALCRED_DEBUG: '1' } });
      expect(debug.code).toBe(2);
      expect(debug.stderr).not.toContain(KEY_LINE);
      expect(debug.stderr).not.toContain('forged');
      expect(debug.stderr).toMatch(/^\s+at .*preload\.mjs/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

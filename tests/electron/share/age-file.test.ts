import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptAgeFile,
  encryptForRecipients,
  encryptWithPassphrase,
  isAgeFile,
  type AgeKeys,
} from '../../../electron/share/age-file.js';
import { checkRecipient, readIdentityFile, readRecipientsFile } from '../../../electron/share/age-keys.js';
import { ShareError } from '../../../electron/share/share-error.js';

// A talosconfig-like plaintext with non-ASCII and no final newline: the bytes must come back exactly.
const PLAINTEXT = Buffer.from(
  'context: prod\ncontexts:\n    prod:\n        endpoints: [10.0.0.1]\n# ünïcödé ✓',
  'utf8',
);

let dir: string;
const path = (name: string): string => join(dir, name);

/** A key pair made by the real age-keygen: its identity file (with comments) and its recipient. */
function ageKeygen(name: string): { identityFile: string; recipient: string } {
  const file = path(name);
  execFileSync('age-keygen', ['-o', file], { stdio: 'pipe' });
  return {
    identityFile: file,
    recipient: execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim(),
  };
}

function ageDecryptCli(identityFile: string, encrypted: Uint8Array): Buffer {
  writeFileSync(path('in.age'), encrypted);
  return execFileSync('age', ['-d', '-i', identityFile, path('in.age')]);
}

async function refusal(promise: Promise<unknown>): Promise<ShareError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ShareError);
  return error as ShareError;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcm-age-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('files we encrypt open with the age CLI', () => {
  it('for each of several recipients, binary and armored, to the exact bytes', async () => {
    const alice = ageKeygen('alice.txt');
    const bob = ageKeygen('bob.txt');
    const binary = await encryptForRecipients(PLAINTEXT, [alice.recipient, bob.recipient]);
    const armored = await encryptForRecipients(PLAINTEXT, [alice.recipient], { armor: true });
    expect(ageDecryptCli(alice.identityFile, binary)).toEqual(PLAINTEXT);
    expect(ageDecryptCli(bob.identityFile, binary)).toEqual(PLAINTEXT);
    expect(ageDecryptCli(alice.identityFile, armored)).toEqual(PLAINTEXT);
    expect(Buffer.from(armored).toString('latin1')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
  });

  it('with a passphrase, typed into the real age through a terminal', async () => {
    const encrypted = await encryptWithPassphrase(PLAINTEXT, 'correct horse battery');
    writeFileSync(path('pass.age'), encrypted);
    // age reads passphrases only from a TTY; `script` gives it one.
    execFileSync('script', ['-qec', `age -d -o ${path('pass.out')} ${path('pass.age')}`, '/dev/null'], {
      input: 'correct horse battery\n',
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    expect(readFileSync(path('pass.out'))).toEqual(PLAINTEXT);
  });
});

describe('files the age CLI encrypts open with decryptAgeFile', () => {
  it.each([[[]], [['-a']]])('age -r %j', async (extra) => {
    const carol = ageKeygen(`carol${extra.length}.txt`);
    writeFileSync(path('plain'), PLAINTEXT);
    execFileSync('age', [...extra, '-r', carol.recipient, '-o', path('cli.age'), path('plain')]);
    const identities = readIdentityFile(readFileSync(carol.identityFile, 'utf8'), carol.identityFile);
    expect(Buffer.from(await decryptAgeFile(readFileSync(path('cli.age')), { identities }))).toEqual(
      PLAINTEXT,
    );
  });

  it('age -p, driven through a terminal', async () => {
    writeFileSync(path('plain'), PLAINTEXT);
    execFileSync('script', ['-qec', `age -p -o ${path('cli-pass.age')} ${path('plain')}`, '/dev/null'], {
      input: 'team passphrase 42\nteam passphrase 42\n',
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const file = readFileSync(path('cli-pass.age'));
    expect(Buffer.from(await decryptAgeFile(file, { passphrase: 'team passphrase 42' }))).toEqual(PLAINTEXT);
    const wrong = await refusal(decryptAgeFile(file, { passphrase: 'team passphrase 43' }, 'prod.age'));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toBe('prod.age: the passphrase is wrong');
  });
});

describe('decryptAgeFile explains each failure', () => {
  let identity: string;
  let recipient: string;
  let file: Uint8Array;
  beforeAll(async () => {
    identity = await generateX25519Identity();
    recipient = await identityToRecipient(identity);
    file = await encryptForRecipients(PLAINTEXT, [recipient]);
  });

  it('opens with the matching identity', async () => {
    expect(Buffer.from(await decryptAgeFile(file, { identities: [identity] }))).toEqual(PLAINTEXT);
  });

  it.each<[string, () => Promise<AgeKeys>, string]>([
    [
      'another identity',
      async () => ({ identities: [await generateX25519Identity()] }),
      'no-matching-identity',
    ],
    ['no identity at all', () => Promise.resolve({}), 'identity-needed'],
  ])('refuses %s', async (_case, keys, code) => {
    const other = await keys();
    const error = await refusal(decryptAgeFile(file, other, 'alice.age'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^alice\.age: /);
    for (const secret of other.identities ?? []) expect(error.message).not.toContain(secret);
  });

  it('asks for a passphrase when the file needs one', async () => {
    const protectedFile = await encryptWithPassphrase(PLAINTEXT, 'pw', { scryptWorkFactor: 10 });
    expect((await refusal(decryptAgeFile(protectedFile, { identities: [identity] }))).code).toBe(
      'passphrase-needed',
    );
    expect(Buffer.from(await decryptAgeFile(protectedFile, { passphrase: 'pw' }))).toEqual(PLAINTEXT);
  });

  it('refuses an altered file', async () => {
    const altered = Uint8Array.from(file);
    altered[altered.length - 5] = (altered[altered.length - 5] ?? 0) ^ 0x20;
    expect((await refusal(decryptAgeFile(altered, { identities: [identity] }))).code).toBe('damaged-file');
  });

  it('refuses something that is not an age file', async () => {
    const error = await refusal(decryptAgeFile(PLAINTEXT, { identities: [identity] }, 'talosconfig'));
    expect(error.code).toBe('not-an-age-file');
  });
});

describe('isAgeFile', () => {
  it('recognises binary and armored age files, and nothing else', async () => {
    const recipient = await identityToRecipient(await generateX25519Identity());
    expect(isAgeFile(await encryptForRecipients('x', [recipient]))).toBe(true);
    const armored = Buffer.from(await encryptForRecipients('x', [recipient], { armor: true }));
    expect(isAgeFile(Buffer.concat([Buffer.from('\n  '), armored]))).toBe(true);
    expect(isAgeFile(PLAINTEXT)).toBe(false);
    expect(isAgeFile(new Uint8Array())).toBe(false);
  });
});

describe('recipients', () => {
  it('refuses a recipient with a typo, naming it', async () => {
    const good = await identityToRecipient(await generateX25519Identity());
    const typo = good.slice(0, -1) + (good.endsWith('q') ? 'p' : 'q');
    const error = await refusal(encryptForRecipients(PLAINTEXT, [good, typo]));
    expect(error.code).toBe('invalid-recipient');
    expect(error.message).toContain(`"${typo}"`);
  });

  it.each(['', 'age1', 'bob@example.com', 'AGE-SECRET-KEY-1QQQ'])('refuses %j', (value) => {
    expect(() => checkRecipient(value)).toThrow(ShareError);
  });

  it('says SSH keys are not supported', () => {
    expect(() => checkRecipient('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx user@host')).toThrow(
      /SSH keys are not supported/,
    );
  });

  it('reads a recipients file with comments', async () => {
    const one = await identityToRecipient(await generateX25519Identity());
    const two = await identityToRecipient(await generateX25519Identity());
    expect(readRecipientsFile(`# team\n${one}\n\n  ${two}  \n`, 'team.txt')).toEqual([one, two]);
    expect(() => readRecipientsFile(`${one}\nage1nope\n`, 'team.txt')).toThrow(/^team\.txt line 2: /);
  });
});

describe('identity files', () => {
  it('reads what age-keygen writes, comments included', () => {
    const { identityFile } = ageKeygen('dave.txt');
    const identities = readIdentityFile(readFileSync(identityFile, 'utf8'), 'dave.txt');
    expect(identities).toHaveLength(1);
    expect(identities[0]).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
  });

  it('names the bad line without showing it', () => {
    const secretLooking = 'AGE-SECRET-KEY-1NOTREALLYAKEYBUTSECRETLOOKING';
    let error: unknown;
    try {
      readIdentityFile(`# created: today\n${secretLooking}\n`, 'me.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ShareError);
    expect((error as ShareError).message).toContain('me.txt line 2');
    expect((error as ShareError).message).not.toContain(secretLooking);
  });

  it('refuses a file without identities', () => {
    expect(() => readIdentityFile('# nothing here\n', 'empty.txt')).toThrow(/holds no identity/);
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import type { CliResult, CliSandbox } from '../../support/talcred-cli.js';
import { initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';

/** A real Talos secrets bundle (tests/fixtures/talos/README.md): its OS CA is what the vault issues with. */
export const BUNDLE = fileURLToPath(
  new URL('../../fixtures/talos/secrets-talos-generate-testdata.yaml', import.meta.url),
);

export interface Secrets {
  /** Base64 bodies (no PEM armour) of every private key in play, and the passphrase. */
  needles: string[];
}

/** The base64 body lines of a PEM private key: what would show if key material leaked in any form. */
function keyBodies(pem: string): string[] {
  return pem
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('-----'))
    .map((line) => line.trim());
}

/**
 * A passphrase vault holding the bundle's CA as "prod" and an issued os:reader context (also written to
 * `issued.yaml`), and the secret strings that must never appear in anything talcred prints.
 */
export async function vaultWithIssuedContext(
  make: ReturnType<typeof sandboxTracker>,
): Promise<{ sandbox: CliSandbox; secrets: Secrets; issuedFile: string }> {
  const sandbox = await make('passphrase');
  await initVault(sandbox, 'passphrase');
  await ok(sandbox, ['ca', 'import', '--name', 'prod', '--secrets', BUNDLE]);
  const issuedFile = join(sandbox.root, 'issued.yaml');
  await ok(sandbox, [
    'issue',
    '--ca',
    'prod',
    '--roles',
    'os:reader',
    '--store',
    '--endpoints',
    '127.0.0.1',
    '-o',
    issuedFile,
  ]);
  const bundle = parse(await readFile(BUNDLE, 'utf8')) as { certs: { os: { key: string } } };
  const caKeyField = bundle.certs.os.key;
  const [issued] = parseTalosconfig(await readFile(issuedFile), issuedFile).contexts;
  if (issued === undefined) throw new Error(`${issuedFile}: no context`);
  const pem = (field: string) => Buffer.from(field, 'base64').toString('latin1');
  return {
    sandbox,
    issuedFile,
    secrets: {
      needles: [
        caKeyField.slice(0, 32),
        issued.key.slice(0, 32),
        ...keyBodies(pem(caKeyField)),
        ...keyBodies(pem(issued.key)),
        sandbox.env.TALCRED_PASSPHRASE ?? '',
        'PRIVATE KEY',
      ].filter((needle) => needle !== ''),
    },
  };
}

/** The secrets found in `text` (none, when nothing leaked). */
export function leaks(text: string, secrets: Secrets): string[] {
  return secrets.needles.filter((needle) => text.includes(needle));
}

/** talcred run from a chosen working folder (the sandbox's own `run` uses the test runner's). */
export function talcredIn(sandbox: CliSandbox, cwd: string, args: readonly string[]): Promise<CliResult> {
  return sandbox.run(args, { cwd });
}

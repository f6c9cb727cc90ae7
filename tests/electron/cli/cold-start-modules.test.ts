import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, type CliSandbox } from '../../support/talcred-cli.js';
import { initVault, ok, sandboxTracker } from '../../support/talcred-cli-steps.js';
import { ADMIN, SECRETS } from '../../support/talos-fixtures.js';

// DESIGN.md: `talcred list` cold start <= 4x `node -e ""`. The ASN.1 library (for CSRs and CA
// certificates) costs every start that loads it, so the list and status paths must not: this watches
// which bundle files the real binary loads, through a Node module hook.

const sandboxFor = sandboxTracker();
beforeAll(requireBuiltCli);
afterEach(sandboxFor.cleanup);

const dist = fileURLToPath(new URL('../../../dist/cli/', import.meta.url));
const holdsAsn1 = (path: string) => readFileSync(path, 'utf8').includes('AsnConvert');

async function loadedBundleFiles(sandbox: CliSandbox, args: string[]): Promise<string[]> {
  const log = join(sandbox.root, `modules-${args[0] ?? ''}.log`);
  const hooks = join(sandbox.root, 'hooks.mjs');
  const register = join(sandbox.root, 'register.mjs');
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  await writeFile(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  await writeFile(log, '');
  const result = await sandbox.run(args, {
    env: { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` },
  });
  expect(result.code, result.stderr).toBe(0);
  return (await readFile(log, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith(pathToFileURL(dist).href))
    .map((url) => fileURLToPath(url));
}

describe('cold start', () => {
  it('list and status load no bundle file holding the ASN.1 library; ca import does', async () => {
    const sandbox = await sandboxFor('passphrase');
    await initVault(sandbox, 'passphrase', ADMIN);
    for (const command of [['list'], ['status']]) {
      const files = await loadedBundleFiles(sandbox, command);
      expect(files.length, command[0]).toBeGreaterThan(1);
      expect(files.filter(holdsAsn1), command[0]).toEqual([]);
    }
    // The watch is not vacuous: a command that reads a CA certificate does load the library.
    const importing = await loadedBundleFiles(sandbox, ['ca', 'import', '--name', 'c', '--secrets', SECRETS]);
    expect(importing.filter(holdsAsn1)).not.toEqual([]);
    await ok(sandbox, ['ca', 'list']);
  });
});

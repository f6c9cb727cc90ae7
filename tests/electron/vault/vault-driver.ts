// A child process for the vault tests: runs the REAL vault code (bundled by helpers.bundleDriver) so tests
// can kill it mid-write, run several at once, or run it on another D-Bus session.
//   node vault-driver.mjs create <dir> <keychain|passphrase>
//   node vault-driver.mjs read <dir>
//   node vault-driver.mjs add <dir> <prefix> <count>      one update per context
//   node vault-driver.mjs loop <dir>                      updates forever, printing each committed generation
//   node vault-driver.mjs grow <dir> <count>              one update adding <count> large contexts
//   node vault-driver.mjs rekey <dir> <keychain|passphrase>
// The passphrase comes from TALCRED_PASSPHRASE. Output: one JSON object per line.
import { createKeychainKeySource } from '../../../electron/vault/keychain.js';
import { createPassphraseKeySource } from '../../../electron/vault/passphrase.js';
import { isVaultError } from '../../../electron/vault/vault-error.js';
import { openVaultStore } from '../../../electron/vault/vault-store.js';
import {
  emptyVaultDocument,
  type VaultContext,
  type VaultDocument,
} from '../../../shared/vault/vault-document.js';

const [command, dir, ...rest] = process.argv.slice(2);
const passphrase = process.env.TALCRED_PASSPHRASE ?? '';

function context(name: string, note: string): VaultContext {
  return {
    context: { name, endpoints: ['10.5.0.2'], nodes: [], ca: '', crt: '', key: '', extra: [] },
    meta: { source: 'driver', importedAt: '2024-01-01T00:00:00.000Z', lastUsed: null, labels: {}, note },
  };
}

/** Generation n of the crash test: a counter plus enough filler that a write takes a while. */
function generation(document: VaultDocument, n: number): VaultDocument {
  const filler = Array.from({ length: 200 }, (_, index) =>
    context(`filler-${index}`, `${n}-${'x'.repeat(500)}`),
  );
  return { ...document, contexts: [context('counter', String(n)), ...filler] };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main(): Promise<void> {
  if (dir === undefined) throw new Error('usage: vault-driver <command> <dir> …');
  const store = openVaultStore({
    dir,
    keySources: {
      keychain: createKeychainKeySource(),
      passphrase: createPassphraseKeySource({
        getPassphrase: () => Promise.resolve(passphrase),
        cost: { N: 2 ** 10, r: 8, p: 1 },
      }),
    },
  });
  switch (command) {
    case 'create':
      await store.create(emptyVaultDocument(), rest[0] === 'passphrase' ? 'passphrase' : 'keychain');
      print({ created: true });
      return;
    case 'read': {
      const document = await store.read();
      print({ contexts: document.contexts.map((entry) => entry.context.name) });
      return;
    }
    case 'add': {
      const [prefix = 'p', count = '1'] = rest;
      for (let index = 0; index < Number(count); index += 1) {
        await store.update((document) => ({
          ...document,
          contexts: [...document.contexts, context(`${prefix}-${index}`, '')],
        }));
      }
      print({ added: Number(count) });
      return;
    }
    case 'grow': {
      const count = Number(rest[0] ?? '1');
      await store.update((document) => ({
        ...document,
        contexts: [
          ...document.contexts,
          ...Array.from({ length: count }, (_, index) => context(`grown-${index}`, 'x'.repeat(500))),
        ],
      }));
      print({ grown: count });
      return;
    }
    case 'rekey':
      await store.rekey(rest[0] === 'keychain' ? 'keychain' : 'passphrase');
      print({ rekeyed: true });
      return;
    case 'loop':
      for (;;) {
        const next = await store.update((document) => {
          const counter = document.contexts.find((entry) => entry.context.name === 'counter');
          return generation(document, Number(counter?.meta.note ?? '0') + 1);
        });
        print({ committed: Number(next.contexts[0]?.meta.note) });
      }
    default:
      throw new Error(`unknown command ${String(command)}`);
  }
}

main().catch((error: unknown) => {
  if (isVaultError(error))
    print({
      error: {
        code: error.code,
        message: error.message,
        ...(error.remedy === null ? {} : { remedy: error.remedy }),
      },
    });
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

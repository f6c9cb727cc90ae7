import type { SwitchResult } from '../../shared/contract/vault-contract.js';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { prepareAtomicWrite, type PreparedWrite } from '../files/atomic-write.js';
import { readRegularFileOrMissing } from '../files/read-limited.js';
import { maxTalosconfigBytes } from '../../shared/talosconfig/limits.js';
import { withFileLock } from '../vault/lock.js';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeFileError, FileError } from '../files/file-error.js';
import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';
import type { ServiceDeps } from './service-deps.js';
import { backUpTalosconfig, foreignContexts, renderTalosconfig, sha256Hex } from './talosconfig-sync.js';
import { writeTalosconfigRecord } from './talosconfig-record.js';
import { mergeIntoVault } from './vault-merge.js';
import { requireContext } from './vault-lookup.js';

/**
 * Makes talosctl's config file match the vault after `change` (a switch, or an edit of what the file
 * holds). Order matters for "nothing is ever lost": contexts only the file holds are saved into the vault
 * (or the file is backed up) and the vault is committed BEFORE the file is overwritten. A second lock,
 * held around both writes, keeps two switches from leaving the file and the vault disagreeing.
 */
/** talosctl's file, where talcred may write it (never the pod secret Kubernetes mounts read-only). */
export function writableTalosconfig(deps: ServiceDeps): ResolvedTalosconfigPath {
  const target = deps.talosconfig();
  if (target.readOnly) {
    throw new FileError(
      'talosconfig-read-only',
      `${target.path} is read-only (mounted by Kubernetes); choose another talosconfig file`,
    );
  }
  return target;
}

export async function syncTalosconfig(
  deps: ServiceDeps,
  change: (document: VaultDocument) => VaultDocument,
): Promise<SwitchResult> {
  const target = writableTalosconfig(deps);
  // Open the vault before taking the lock, which lives in the vault's folder: a missing vault or an
  // unavailable key is then reported as such (not as a lock file that cannot be made), and a passphrase
  // prompt does not hold other writers up.
  await deps.store.read();
  return withFileLock(join(deps.store.dir, 'talosconfig.lock'), async () => {
    const file = await readTarget(target.path);
    const foreign: SwitchResult['foreign'] = { imported: [], backupPath: null };
    // The file's new bytes are written beside it (and fsynced) before the vault commits, and renamed into
    // place after: a full or read-only disk fails while nothing has changed, so a switch that reports a
    // failure has changed neither the vault nor the file.
    let prepared: PreparedWrite | null = null;
    const before = await deps.store.read();
    const document = await deps.store
      .update(async (current) => {
        let next = change(followFileCurrent(current, file));
        const strangers = file ? foreignContexts(file, current) : [];
        if (file && strangers.length > 0) {
          if (next.settings.foreignContexts === 'backup') {
            foreign.backupPath = await backUpTalosconfig(target.path, file.text, deps.now());
          } else {
            const merged = mergeIntoVault(
              next,
              { context: '', contexts: strangers, extra: [] },
              { dedupe: true, onConflict: 'rename', source: target.path, now: deps.now() },
            );
            next = merged.document;
            foreign.imported = merged.plan.steps
              .filter((step) => step.action !== 'skip')
              .map((step) => ({ from: step.from, to: step.to }));
          }
        }
        const rendered = renderTalosconfig(next);
        try {
          await mkdir(dirname(target.path), { recursive: true, mode: 0o700 });
        } catch (error) {
          throw describeFileError(dirname(target.path), error, 'write');
        }
        await prepared?.discard(); // an update retried under the lock prepares again
        prepared = await prepareAtomicWrite(target.path, rendered, { mode: 0o600 });
        return { ...next, talosconfigWritten: { path: target.path, sha256: sha256Hex(rendered) } };
      })
      .catch(async (error: unknown) => {
        await prepared?.discard();
        throw error;
      });
    try {
      await (prepared as PreparedWrite | null)?.commit();
      const written = document.talosconfigWritten;
      if (written !== null) await writeTalosconfigRecord(deps.store.dir, written);
    } catch (error) {
      // The rename itself failed (it rarely can once the bytes are down): put back what the vault said.
      await deps.store
        .update((current) => ({
          ...current,
          current: before.current,
          talosconfigWritten: before.talosconfigWritten,
        }))
        .catch(() => undefined);
      throw error;
    }
    return { current: document.current, path: target.path, mode: document.settings.targetMode, foreign };
  });
}

/**
 * talosctl's `context:` is the one truth of what is current (`talosctl config context X` edits only the
 * file): a vault context it names becomes the vault's current before a change is applied, so rewriting
 * the file never undoes a switch made with talosctl.
 */
function followFileCurrent(document: VaultDocument, file: TalosconfigOnDisk | null): VaultDocument {
  const named = file?.config.context ?? '';
  if (named === document.current) return document;
  // No file, or one naming no context (emptied by a lock that had no key): nothing is current.
  if (named === '') return { ...document, current: '' };
  return document.contexts.some((entry) => entry.context.name === named)
    ? { ...document, current: named }
    : document;
}

/** `use NAME` / `use --off`. */
export function switchContext(deps: ServiceDeps, name: string | null): Promise<SwitchResult> {
  return syncTalosconfig(deps, (document) => {
    if (name === null) return { ...document, current: '' };
    requireContext(document, name);
    const usedAt = deps.now().toISOString();
    return {
      ...document,
      current: name,
      contexts: document.contexts.map((entry) =>
        entry.context.name === name ? { ...entry, meta: { ...entry.meta, lastUsed: usedAt } } : entry,
      ),
    };
  });
}

interface TalosconfigOnDisk {
  path: string;
  text: string;
  config: ReturnType<typeof parseTalosconfig>;
}

async function readTarget(path: string): Promise<TalosconfigOnDisk | null> {
  const bytes = await readRegularFileOrMissing(path, maxTalosconfigBytes);
  // An empty file holds no context: nothing to keep, so it is written like a missing one.
  if (bytes === null || bytes.length === 0) return null;
  try {
    // Bytes, not a decoded string: invalid UTF-8 decoded would read as U+FFFD, and the backup or the import
    // of its contexts would then not be what the file held.
    const config = parseTalosconfig(bytes, path);
    return { path, text: bytes.toString('utf8'), config };
  } catch (error) {
    // Never overwrite a file we cannot read: it may hold the only copy of someone's credentials.
    const reason = error instanceof Error ? error.message : String(error);
    throw new FileError(
      'talosconfig-unreadable',
      `${reason} (the file was left as it is: fix or move it, then try again)`,
    );
  }
}

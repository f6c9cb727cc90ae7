import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { emptyConfig } from '../../shared/talosconfig/model.js';
import { maxTalosconfigBytes } from '../../shared/talosconfig/limits.js';
import { serializeTalosconfig } from '../../shared/talosconfig/serialize.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { describeFileError } from '../files/file-error.js';
import { readRegularFileOrMissing } from '../files/read-limited.js';
import { withFileLock } from '../vault/lock.js';
import type { ServiceDeps } from './service-deps.js';
import { writableTalosconfig } from './switch-context.js';
import { backUpTalosconfig } from './talosconfig-sync.js';
import { readTalosconfigRecord, sha256OfBytes, writeTalosconfigRecord } from './talosconfig-record.js';

/**
 * Empties talosctl's file without the vault's key (`talcred lock`, the app's lock). A file that holds
 * exactly what talcred last wrote is emptied with no copy left (the vault has all of it); a file with
 * anything else — a context talosctl added, a hand edit — is first kept aside as `FILE.bak-TIMESTAMP`
 * (0600), so nothing is lost. What is current follows the file (talosctl-current.ts): nothing, now.
 */
export async function clearTalosconfig(
  deps: ServiceDeps,
): Promise<{ path: string; cleared: boolean; backupPath: string | null }> {
  const target = writableTalosconfig(deps);
  // Says "no vault yet" where there is none, from the plaintext header: no key is asked for.
  await deps.store.keySourceKind();
  const dir = deps.store.dir;
  return withFileLock(join(dir, 'talosconfig.lock'), async () => {
    const empty = serializeTalosconfig(emptyConfig());
    const bytes = await readRegularFileOrMissing(target.path, maxTalosconfigBytes);
    const record = await readTalosconfigRecord(dir);
    const ours =
      bytes === null ||
      bytes.length === 0 ||
      bytes.toString('utf8') === empty ||
      (record?.path === target.path && record.sha256 === sha256OfBytes(bytes));
    const backupPath = ours ? null : await backUpTalosconfig(target.path, bytes, deps.now());
    try {
      await mkdir(dirname(target.path), { recursive: true, mode: 0o700 });
    } catch (error) {
      throw describeFileError(dirname(target.path), error, 'write');
    }
    await writeFileAtomic(target.path, empty, { mode: 0o600 });
    await writeTalosconfigRecord(dir, { path: target.path, sha256: sha256OfBytes(empty) });
    return { path: target.path, cleared: true, backupPath };
  });
}

import { randomUUID } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { prepareAtomicWrite, type WriteStepHook } from '../files/atomic-write.js';
import { inspectBackups, rotateBackups, type BackupInfo } from './backups.js';
import { keyCheckOf, parseVault, sealVault, type KeySourceKind, type VaultHeader } from './envelope.js';
import type { KeySources } from './key-source.js';
import { withFileLock } from './lock.js';
import {
  beginRekey,
  finishRekey,
  recoverRekeys,
  rekeyInterrupted,
  stageGeneration,
  type KeyIdentity,
} from './rekey-journal.js';
import {
  checkDocument,
  headerFieldsOf,
  openVaultBytes,
  sealDocument,
  type KeyFor,
  type OpenedVault,
} from './vault-codec.js';
import { isVaultError, VaultError } from './vault-error.js';
import {
  fileExists,
  linkOver,
  damagedName,
  readVaultFile,
  removeLeftoverTemps,
  tightenModes,
  vaultPaths,
  writeFailed,
} from './vault-files.js';

export type { BackupInfo } from './backups.js';

export interface VaultStoreOptions {
  /** The app's data folder (TALCRED_HOME or the platform default); created 0700. */
  dir: string;
  /** Both kinds: a vault's header says which one opens it. */
  keySources: KeySources;
  now?: () => Date;
  lockTimeoutMs?: number;
  /** Tests fail a chosen step of a write (see `WriteStepHook`). */
  onWriteStep?: WriteStepHook;
}

export interface VaultStore {
  readonly dir: string;
  /** The vault file itself. */
  readonly path: string;
  exists(): Promise<boolean>;
  /** Which key source the existing vault uses, read from its plaintext header (no key needed). */
  keySourceKind(): Promise<KeySourceKind>;
  /** Makes a new vault and its key. Refuses when a vault (or any backup of one) is there. */
  create(document: VaultDocument, kind: KeySourceKind): Promise<void>;
  read(): Promise<VaultDocument>;
  /** Lock, read, apply `change`, keep the old generation as a backup, write, unlock. Returns the new document. */
  update(change: (document: VaultDocument) => VaultDocument | Promise<VaultDocument>): Promise<VaultDocument>;
  /** Re-encrypts the vault and its backups under a new key (and vault id) from `kind`; drops the old key. */
  rekey(kind: KeySourceKind): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  /** Puts a backup back (the newest readable one when no name is given) and returns which one. */
  restore(backupName?: string): Promise<BackupInfo>;
}

/** Errors after which putting a backup back is the remedy (not key problems: a backup has the same key). */
const DAMAGE_CODES = ['vault-corrupt', 'vault-foreign', 'vault-invalid'] as const;
/** Errors that blame the key; a damaged header produces them too (see `backupWithOtherHeader`). */
const KEY_CODES = ['passphrase-wrong', 'keychain-entry-missing', 'keychain-entry-invalid'] as const;

export function openVaultStore(options: VaultStoreOptions): VaultStore {
  const paths = vaultPaths(options.dir);
  const now = options.now ?? (() => new Date());
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    // The lock file lives in the vault folder: with no folder there is no vault, and that is what to say.
    if (!(await fileExists(paths.dir))) throw await missingError();
    return withFileLock(paths.lock, work, {
      now,
      ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
    });
  };

  /** Under the lock: what killed writers left (temp files, a half-done rekey) is cleaned up or finished. */
  const tidy = async (): Promise<void> => {
    await removeLeftoverTemps(paths);
    await recoverRekeys(paths, options.keySources, now(), options.onWriteStep);
  };
  /** Before a read: an interrupted rekey is finished (or rolled back) first, so reads see one generation. */
  const settle = async (): Promise<void> => {
    if (await rekeyInterrupted(paths)) await locked(tidy);
  };

  // The last key in use, so a passphrase is asked for and stretched once per store, not once per change.
  let cachedKey: { vaultId: string; keyCheck: string; key: Buffer } | null = null;
  const keyFor: KeyFor = async (header, path) => {
    if (cachedKey?.vaultId === header.vaultId && cachedKey.keyCheck === header.keyCheck) return cachedKey.key;
    let key: Buffer;
    try {
      key = await options.keySources[header.keySource].unlock(header);
    } catch (error) {
      if (isVaultError(error) && !error.message.startsWith(path))
        throw new VaultError(error.code, `${path}: ${error.message}`);
      throw error;
    }
    if (keyCheckOf(key) === header.keyCheck)
      cachedKey = { vaultId: header.vaultId, keyCheck: header.keyCheck, key };
    return key;
  };

  const openMain = async (): Promise<OpenedVault> => {
    const bytes = await readVaultFile(paths.main);
    if (bytes === null) throw await missingError();
    try {
      return await openVaultBytes(paths.main, bytes, keyFor);
    } catch (error) {
      if (isVaultError(error, ...DAMAGE_CODES))
        throw new VaultError(error.code, `${error.message}. ${await restoreHint()}`);
      if (isVaultError(error, ...KEY_CODES)) {
        const backup = await backupWithOtherHeader(bytes);
        if (backup !== null) {
          throw new VaultError(
            'vault-corrupt',
            `${paths.main}: its header (vault id, key source or key parameters) differs from its backups', so ` +
              `the file was altered or damaged rather than the key being wrong; run \`talcred restore\` to put ` +
              `back ${backup}`,
          );
        }
      }
      throw error;
    }
  };

  /**
   * A key that fails on the vault may be the right key for a vault whose header was altered: talcred keeps a
   * vault's id, key source and key parameters the same in every generation (a rekey rewrites the backups
   * too), so a main header unlike the newest backup's means damage, not a wrong passphrase. No key needed.
   */
  const backupWithOtherHeader = async (mainBytes: Buffer): Promise<string | null> => {
    const identity = (header: VaultHeader) =>
      JSON.stringify([header.vaultId, header.keySource, header.kdf, header.keyCheck]);
    let main: string;
    try {
      main = identity(parseVault(mainBytes, paths.main).header);
    } catch {
      return null;
    }
    for (const path of paths.backups) {
      const bytes = await readVaultFile(path).catch(() => null);
      if (bytes === null) continue;
      try {
        return identity(parseVault(bytes, path).header) === main ? null : basename(path);
      } catch {
        continue;
      }
    }
    return null;
  };

  const missingError = async (): Promise<VaultError> => {
    const backups = await presentBackups();
    return new VaultError(
      'vault-missing',
      backups.length === 0
        ? `${paths.main}: there is no vault yet; create one with \`talcred init\``
        : `${paths.main}: the vault is missing but ${backups.join(', ')} exist: run \`talcred restore\``,
    );
  };

  const presentBackups = async (): Promise<string[]> => {
    const present: string[] = [];
    for (const path of paths.backups) if (await fileExists(path)) present.push(path);
    return present;
  };

  const restoreHint = async (): Promise<string> => {
    const backups = await inspectBackups(paths, keyFor).catch(() => []);
    const good = backups.find((backup) => backup.readable);
    if (good) {
      return `Backup ${good.name} (saved ${good.savedAt?.toISOString() ?? 'earlier'}) is intact: run \`talcred restore\` to put it back`;
    }
    return backups.length === 0 ? 'There is no backup to restore' : 'No backup could be read either';
  };

  /**
   * Gets the key before taking the lock: a passphrase prompt must not hold other writers up. A damaged or
   * missing file is left for the read under the lock to report.
   */
  const warmKey = async (): Promise<void> => {
    let header: VaultHeader;
    try {
      const bytes = await readVaultFile(paths.main);
      if (bytes === null) return;
      header = parseVault(bytes, paths.main).header;
    } catch {
      return;
    }
    await keyFor(header, paths.main);
  };

  /** Writes `bytes` as the new vault; with `rotate`, the current generation becomes `vault.bak1` first. */
  const commit = async (bytes: Buffer, rotateFrom: OpenedVault | null): Promise<void> => {
    // Write the new generation beside the vault first: a full disk fails here, before any file is touched.
    const prepared = await prepareAtomicWrite(paths.main, bytes, { onStep: options.onWriteStep }).catch(
      (error: unknown) => {
        throw writeFailed(paths.main, error);
      },
    );
    try {
      if (rotateFrom) await rotateBackups(paths, rotateFrom, now());
      await prepared.commit();
    } catch (error) {
      await prepared.discard();
      throw writeFailed(paths.main, error);
    }
    await tightenModes(paths);
  };

  const ensureFolder = async (): Promise<void> => {
    try {
      await mkdir(paths.dir, { recursive: true, mode: 0o700 });
      await chmod(paths.dir, 0o700);
    } catch (error) {
      throw writeFailed(paths.dir, error);
    }
  };

  return {
    dir: paths.dir,
    path: paths.main,

    exists: () => fileExists(paths.main),

    async keySourceKind() {
      await settle();
      const bytes = await readVaultFile(paths.main);
      if (bytes === null) throw await missingError();
      return parseVault(bytes, paths.main).header.keySource;
    },

    async create(document, kind) {
      const checked = checkDocument(document, paths.main);
      const refuseIfPresent = async () => {
        if (await fileExists(paths.main)) {
          throw new VaultError('vault-exists', `${paths.main}: a vault already exists; it was left as it is`);
        }
        const backups = await presentBackups();
        if (backups.length > 0) {
          throw new VaultError(
            'vault-exists',
            `${paths.main}: there is no vault, but backups of one exist (${backups.join(', ')}); ` +
              'run `talcred restore` instead of making a new vault',
          );
        }
      };
      await refuseIfPresent();
      const vaultId = randomUUID();
      const source = options.keySources[kind];
      // Outside the lock: a passphrase prompt must not hold other writers up. Before the folder is made:
      // without a keychain, nothing is left behind.
      const { key, kdf } = await source.createKey(vaultId);
      try {
        await ensureFolder();
        await locked(async () => {
          await refuseIfPresent();
          await commit(sealDocument(checked, { vaultId, keySource: kind, kdf }, key), null);
        });
      } catch (error) {
        await source.forget(vaultId).catch(() => undefined);
        throw error;
      }
      cachedKey = { vaultId, keyCheck: keyCheckOf(key), key };
    },

    async read() {
      await settle();
      return (await openMain()).document;
    },

    async update(change) {
      await warmKey();
      return locked(async () => {
        await tidy();
        const current = await openMain();
        const next = checkDocument(await change(current.document), paths.main);
        await commit(sealDocument(next, headerFieldsOf(current.sealed.header), current.key), current);
        return next;
      });
    },

    async rekey(kind) {
      await settle();
      const before = await openMain(); // also unlocks outside the lock
      const to: KeyIdentity = { vaultId: randomUUID(), keySource: kind };
      const staged = await beginRekey(paths, { from: identityOf(before), to }, options.onWriteStep);
      const source = options.keySources[kind];
      let made: Awaited<ReturnType<typeof source.createKey>>;
      try {
        made = await source.createKey(to.vaultId);
      } catch (error) {
        await staged.abandon().catch(() => undefined);
        throw error;
      }
      const { key, kdf } = made;
      let committed = false as boolean; // set inside the locked work, read after it fails
      try {
        await locked(async () => {
          await tidy();
          const current = await openMain();
          const header = { vaultId: to.vaultId, keySource: kind, kdf };
          await staged.commit({
            from: identityOf(current),
            ...(await stageGeneration(staged, paths, current, (plaintext) =>
              sealVault(header, key, plaintext),
            )),
          });
          committed = true;
          // The change is made; moving its files into place is retried by the next command if it fails here.
          await finishRekey(paths, options.keySources, now(), options.onWriteStep).catch(() => undefined);
          await tightenModes(paths);
        });
      } catch (error) {
        if (!committed) {
          await staged.abandon().catch(() => undefined);
          await source.forget(to.vaultId).catch(() => undefined);
        }
        throw error;
      }
      cachedKey = { vaultId: to.vaultId, keyCheck: keyCheckOf(key), key };
    },

    async listBackups() {
      await settle();
      return (await inspectBackups(paths, keyFor)).map(backupInfo);
    },

    async restore(name) {
      return locked(async () => {
        await tidy();
        const backups = await inspectBackups(paths, keyFor);
        const chosen =
          name === undefined
            ? backups.find((backup) => backup.readable)
            : backups.find((b) => b.name === name);
        if (chosen === undefined) {
          const known = backups.map((backup) => backup.name).join(', ') || 'none';
          throw new VaultError(
            'backup-missing',
            name === undefined
              ? `${paths.dir}: no backup can be read (backups: ${known}); nothing was changed`
              : `${paths.dir}: there is no backup named "${name}" (backups: ${known}); nothing was changed`,
          );
        }
        if (chosen.opened === null)
          throw new VaultError('vault-corrupt', `${chosen.problem ?? chosen.path}; nothing was changed`);
        const current = await openMain().catch((error: unknown) => {
          if (isVaultError(error, ...DAMAGE_CODES, 'vault-missing')) return null;
          throw error;
        });
        if (current === null) {
          // The vault cannot be read: keep it aside for inspection, then put the backup's exact bytes back.
          if (await fileExists(paths.main)) await linkOver(paths.main, damagedName(paths.main, now()));
          await commit(chosen.opened.bytes, null);
        } else {
          await commit(sealHeaderLike(current.sealed.header, current.key, chosen.opened.plaintext), current);
        }
        return backupInfo(chosen);
      });
    },
  };
}

function identityOf(vault: OpenedVault): KeyIdentity {
  return { vaultId: vault.sealed.header.vaultId, keySource: vault.sealed.header.keySource };
}

function sealHeaderLike(header: VaultHeader, key: Buffer, plaintext: Buffer): Buffer {
  return sealVault(headerFieldsOf(header), key, plaintext);
}

function backupInfo(backup: BackupInfo): BackupInfo {
  return {
    name: backup.name,
    path: backup.path,
    savedAt: backup.savedAt,
    readable: backup.readable,
    problem: backup.problem,
  };
}

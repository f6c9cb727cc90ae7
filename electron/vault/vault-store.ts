import { randomUUID } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { prepareAtomicWrite, type WriteStepHook } from '../files/atomic-write.js';
import { inspectBackups, rotateBackups, type BackupInfo } from './backups.js';
import { keyCheckOf, parseVault, sealVault, type KeySourceKind, type VaultHeader } from './envelope.js';
import type { KeySources } from './key-source.js';
import { lockAbandoned, withFileLock } from './lock.js';
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
import { quoteName } from '../../shared/quote-name.js';

export type { BackupInfo } from './backups.js';

export interface VaultStoreOptions {
  /** The app's data folder (TALCRED_HOME or the platform default); created 0700. */
  dir: string;
  /** Both kinds: a vault's header says which one opens it. */
  keySources: KeySources;
  now?: () => Date;
  lockTimeoutMs?: number;
  /**
   * The CLI gets the key when a command first needs it (true, the default); the app's session does not:
   * after `lock()`, or before the first `unlock()`, reads fail with `vault-locked` until the user unlocks.
   */
  unlockOnDemand?: boolean;
  /** The largest vault file read or written (default MAX_VAULT_BYTES; tests use a small one). */
  maxBytes?: number;
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
  /**
   * Makes a new vault and its key (a passphrase vault's from `passphrase`). Refuses when a vault (or any
   * backup of one) is there. The new vault is unlocked.
   */
  create(document: VaultDocument, kind: KeySourceKind, passphrase?: string): Promise<void>;
  /** Gets the vault's key (the keychain answers, or `passphrase`), proves it opens the vault, and holds it. */
  unlock(passphrase?: string): Promise<KeySourceKind>;
  /** Forgets the key (its bytes zeroed) and the decrypted document. */
  lock(): void;
  /** Whether a key is held (it may still be stale if another process rekeyed the vault). */
  isUnlocked(): boolean;
  read(): Promise<VaultDocument>;
  /** Lock, read, apply `change`, keep the old generation as a backup, write, unlock. Returns the new document. */
  update(change: (document: VaultDocument) => VaultDocument | Promise<VaultDocument>): Promise<VaultDocument>;
  /** Re-encrypts the vault and its backups under a new key (and vault id) from `kind`; drops the old key. */
  rekey(kind: KeySourceKind, passphrase?: string): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  /** Puts a backup back (the newest readable one when no name is given) and returns which one. */
  restore(backupName?: string): Promise<BackupInfo>;
}

/** How long a read waits to clear a dead holder's lock before it goes on without. */
const HOUSEKEEPING_LOCK_MS = 250;

/** Errors after which putting a backup back is the remedy (not key problems: a backup has the same key). */
const DAMAGE_CODES = ['vault-damaged', 'vault-foreign', 'vault-invalid'] as const;
/** Errors that blame the key; a damaged header produces them too (see `backupWithOtherHeader`). */
const KEY_CODES = ['wrong-passphrase', 'keychain-entry-missing', 'keychain-entry-invalid'] as const;

export function openVaultStore(options: VaultStoreOptions): VaultStore {
  const paths = vaultPaths(options.dir, options.maxBytes);
  const now = options.now ?? (() => new Date());
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    // The lock file lives in the vault folder: with no folder there is no vault, and that is what to say.
    if (!(await fileExists(paths.dir))) throw await missingError();
    return withFileLock(paths.lock, work, {
      now,
      ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
    });
  };

  const unlockOnDemand = options.unlockOnDemand ?? true;
  /** Under the lock: what killed writers left (temp files, a half-done rekey) is cleaned up or finished. */
  const tidy = async (): Promise<void> => {
    await removeLeftoverTemps(paths);
    await recoverRekeys(paths, options.keySources, now(), options.onWriteStep);
  };
  /**
   * Before a read: an interrupted rekey is finished (or rolled back) first, so reads see one generation.
   * A lock whose killed holder left it is taken and let go, so no command leaves the folder looking busy;
   * that is housekeeping, so a read never waits long for it, nor fails because of it.
   */
  const settle = async (): Promise<void> => {
    if (await rekeyInterrupted(paths)) await locked(tidy);
    else if (await lockAbandoned(paths.lock)) {
      await withFileLock(paths.lock, tidy, { now, timeoutMs: HOUSEKEEPING_LOCK_MS }).catch(() => undefined);
    }
  };

  // The last key in use, so a passphrase is asked for and stretched once per store, not once per change.
  let cachedKey: { vaultId: string; keyCheck: string; key: Buffer } | null = null;
  // The last document read, by the exact bytes it came from: the app lists often and decrypts once.
  let cachedOpen: OpenedVault | null = null;
  const forgetKey = (): void => {
    cachedKey?.key.fill(0);
    cachedKey = null;
    cachedOpen = null;
  };
  // Callers get a copy: `lock()` zeroes the held key, and must not zero one that a write in flight is
  // sealing with (the vault would be written under a key of zeros).
  const keyFor: KeyFor = async (header, path) => {
    if (cachedKey?.vaultId === header.vaultId && cachedKey.keyCheck === header.keyCheck)
      return Buffer.from(cachedKey.key);
    if (!unlockOnDemand) {
      throw new VaultError('vault-locked', `${path}: the vault is locked; unlock it to go on`);
    }
    return fetchKey(header, path);
  };
  const fetchKey = async (header: VaultHeader, path: string, passphrase?: string): Promise<Buffer> => {
    let key: Buffer;
    try {
      key = await options.keySources[header.keySource].unlock(header, passphrase);
    } catch (error) {
      if (isVaultError(error) && !error.message.startsWith(path))
        throw new VaultError(error.code, `${path}: ${error.message}`, { remedy: error.remedy });
      throw error;
    }
    if (keyCheckOf(key) === header.keyCheck) {
      cachedKey = { vaultId: header.vaultId, keyCheck: header.keyCheck, key: Buffer.from(key) };
    }
    return key;
  };

  const openMain = async (keys: KeyFor = keyFor): Promise<OpenedVault> => {
    const bytes = await readVaultFile(paths.main, paths.maxBytes);
    if (bytes === null) throw await missingError();
    if (cachedOpen !== null && cachedKey !== null && cachedOpen.bytes.equals(bytes)) return cachedOpen;
    try {
      const opened = await openVaultBytes(paths.main, bytes, keys);
      cachedOpen = opened;
      return opened;
    } catch (error) {
      if (isVaultError(error, ...DAMAGE_CODES)) {
        const hint = await restoreHint();
        throw new VaultError(error.code, `${error.message}. ${hint.text}`, {
          remedy: hint.restorable ? 'restore-backup' : null,
        });
      }
      if (isVaultError(error, ...KEY_CODES)) {
        const backup = await backupWithOtherHeader(bytes);
        if (backup !== null) {
          throw new VaultError(
            'vault-damaged',
            `${paths.main}: its header (vault id, key source or key parameters) differs from its backups', so ` +
              `the file was altered or damaged rather than the key being wrong; ${backup} can be put back`,
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
      const bytes = await readVaultFile(path, paths.maxBytes).catch(() => null);
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
    return backups.length === 0
      ? new VaultError('vault-missing', `${paths.main}: there is no vault yet`)
      : new VaultError(
          'vault-missing',
          `${paths.main}: the vault is missing but ${backups.join(', ')} exist`,
          { remedy: 'restore-backup' },
        );
  };

  const presentBackups = async (): Promise<string[]> => {
    const present: string[] = [];
    for (const path of paths.backups) if (await fileExists(path)) present.push(path);
    return present;
  };

  const restoreHint = async (): Promise<{ text: string; restorable: boolean }> => {
    const backups = await inspectBackups(paths, keyFor).catch(() => []);
    const good = backups.find((backup) => backup.readable);
    if (good) {
      const saved = good.savedAt?.toISOString() ?? 'earlier';
      return { text: `Backup ${good.name} (saved ${saved}) is intact`, restorable: true };
    }
    return {
      text: backups.length === 0 ? 'There is no backup to restore' : 'No backup could be read either',
      restorable: false,
    };
  };

  /**
   * Gets the key before taking the lock: a passphrase prompt must not hold other writers up. A damaged or
   * missing file is left for the read under the lock to report.
   */
  const warmKey = async (): Promise<void> => {
    let header: VaultHeader;
    try {
      const bytes = await readVaultFile(paths.main, paths.maxBytes);
      if (bytes === null) return;
      header = parseVault(bytes, paths.main).header;
    } catch {
      return;
    }
    await keyFor(header, paths.main);
  };

  /** Writes `bytes` as the new vault; with `rotate`, the current generation becomes `vault.bak1` first. */
  const commit = async (bytes: Buffer, rotateFrom: OpenedVault | null): Promise<void> => {
    if (bytes.length > paths.maxBytes) throw tooLarge(paths.main, bytes.length, paths.maxBytes);
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
      const bytes = await readVaultFile(paths.main, paths.maxBytes);
      if (bytes === null) throw await missingError();
      return parseVault(bytes, paths.main).header.keySource;
    },

    async create(document, kind, passphrase) {
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
              'restore one instead of making a new vault',
            { remedy: 'restore-backup' },
          );
        }
      };
      await refuseIfPresent();
      const vaultId = randomUUID();
      const source = options.keySources[kind];
      // Outside the lock: a passphrase prompt must not hold other writers up. Before the folder is made:
      // without a keychain, nothing is left behind.
      const { key, kdf } = await source.createKey(vaultId, passphrase);
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
      forgetKey();
      cachedKey = { vaultId, keyCheck: keyCheckOf(key), key: Buffer.from(key) };
    },

    async unlock(passphrase) {
      const bytes = await readVaultFile(paths.main, paths.maxBytes);
      if (bytes === null) throw await missingError();
      const { header } = parseVault(bytes, paths.main);
      // A new unlock replaces the key held: the user may be unlocking after another process rekeyed.
      forgetKey();
      await openMain((h, path) => fetchKey(h, path, passphrase));
      return header.keySource;
    },

    lock: forgetKey,

    isUnlocked: () => cachedKey !== null,

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

    async rekey(kind, passphrase) {
      await settle();
      const before = await openMain(); // also unlocks outside the lock
      const to: KeyIdentity = { vaultId: randomUUID(), keySource: kind };
      const staged = await beginRekey(paths, { from: identityOf(before), to }, options.onWriteStep);
      const source = options.keySources[kind];
      let made: Awaited<ReturnType<typeof source.createKey>>;
      try {
        made = await source.createKey(to.vaultId, passphrase);
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
      forgetKey();
      cachedKey = { vaultId: to.vaultId, keyCheck: keyCheckOf(key), key: Buffer.from(key) };
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
              : `${paths.dir}: there is no backup named ${quoteName(name)} (backups: ${known}); nothing was changed`,
          );
        }
        if (chosen.opened === null)
          throw new VaultError('vault-damaged', `${chosen.problem ?? chosen.path}; nothing was changed`);
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

function tooLarge(path: string, size: number, maxBytes: number): VaultError {
  const mib = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MiB`;
  return new VaultError(
    'vault-too-large',
    `${path}: the change would make the vault ${mib(size)}, larger than the ${mib(maxBytes)} a vault may be ` +
      '(and can be read back); nothing was changed. Remove contexts or unknown fields it does not need',
  );
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

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openVault, parseVault } from '../../../electron/vault/envelope.js';
import type { KeySources } from '../../../electron/vault/key-source.js';
import type { VaultDocument } from '../../../shared/vault/vault-document.js';

/** The vault and its backups: the files one key must open, at every instant. */
export const GENERATION_FILES = ['vault', 'vault.bak1', 'vault.bak2', 'vault.bak3'];

export interface Generation {
  name: string;
  vaultId: string;
  keySource: 'keychain' | 'passphrase';
  document: VaultDocument;
}

/**
 * Opens every generation file in `dir` independently of the store; throws unless ONE key opens them all
 * (the same vault id and key check in every header, and every file decrypts with that key).
 * `overlay` is a folder whose files stand in for those of the same name (an unfinished rekey's journal).
 */
export async function openWithOneKey(
  dir: string,
  keySources: KeySources,
  overlay?: string,
): Promise<Generation[]> {
  const found: Generation[] = [];
  let identity: string | null = null;
  for (const name of GENERATION_FILES) {
    const staged = overlay === undefined ? null : join(overlay, name);
    const path = staged !== null && existsSync(staged) ? staged : join(dir, name);
    if (!existsSync(path)) continue;
    const sealed = parseVault(await readFile(path), path);
    const { vaultId, keySource, keyCheck } = sealed.header;
    const own = `${vaultId} ${keyCheck}`;
    identity ??= own;
    if (own !== identity)
      throw new Error(`${name} is under another key than the vault (${own} vs ${identity})`);
    const key = await keySources[keySource].unlock(sealed.header);
    const document = JSON.parse(openVault(sealed, key, path).toString('utf8')) as VaultDocument;
    found.push({ name, vaultId, keySource, document });
  }
  return found;
}

/** Accounts (vault ids) holding a key under a keychain service, read with libsecret's `secret-tool`. */
export function keychainAccounts(service: string): string[] {
  const result = spawnSync('secret-tool', ['search', '--all', 'service', service], { encoding: 'utf8' });
  return [...`${result.stdout}\n${result.stderr}`.matchAll(/^attribute\.username = (.+)$/gm)]
    .map((match) => match[1] ?? '')
    .sort();
}

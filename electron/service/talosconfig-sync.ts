import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { serializeTalosconfig } from '../../shared/talosconfig/serialize.js';
import { emptyConfig, type TalosConfig, type TalosContext } from '../../shared/talosconfig/model.js';
import { sameContextContent } from '../../shared/talosconfig/context-equality.js';
import type { VaultDocument } from '../../shared/vault/vault-document.js';
import { describeFileError } from '../files/file-error.js';

/**
 * What talosctl's config file should hold for a vault state (DESIGN.md "Switching"): in `active` mode only
 * the current context, so at most one credential sits in plaintext; in `all` mode every context.
 */
export function talosconfigFor(document: VaultDocument): TalosConfig {
  if (document.current === '') return emptyConfig();
  const contexts =
    document.settings.targetMode === 'all'
      ? document.contexts.map((entry) => entry.context)
      : document.contexts
          .filter((entry) => entry.context.name === document.current)
          .map((entry) => entry.context);
  return { context: document.current, contexts, extra: [] };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Contexts in the talosctl file the vault does not hold. A context counts as held when the vault has one
 * with the same content under any name (a rename in the vault leaves the file's copy known). When the file
 * is byte for byte what talcred last wrote there, nothing in it is foreign, even if the vault has since
 * changed that context (new endpoints, say): the file is simply stale.
 */
export function foreignContexts(
  file: { path: string; text: string; config: TalosConfig },
  document: VaultDocument,
): TalosContext[] {
  const written = document.talosconfigWritten;
  if (written?.path === file.path && written.sha256 === sha256Hex(file.text)) return [];
  return file.config.contexts.filter(
    (context) => !document.contexts.some((entry) => sameContextContent(entry.context, context)),
  );
}

/**
 * `config.bak-20261124T101500Z` beside the file, where talosctl users look. Created exclusively with mode
 * 0600: it holds credentials, and an earlier backup is never overwritten.
 */
export async function backUpTalosconfig(path: string, text: string | Uint8Array, now: Date): Promise<string> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // Two backups within one second (a script switching in a loop) get -1, -2, …: never overwrite one.
  for (let attempt = 0; ; attempt++) {
    const backupPath = `${path}.bak-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      await writeFile(backupPath, text, { mode: 0o600, flag: 'wx' });
      return backupPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 99)
        throw describeFileError(backupPath, error, 'write');
    }
  }
}

export function renderTalosconfig(document: VaultDocument): string {
  return serializeTalosconfig(talosconfigFor(document));
}

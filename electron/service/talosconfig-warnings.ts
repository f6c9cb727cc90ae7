import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StatusWarning } from '../../shared/contract/vault-contract.js';
import { statRegularOrMissing } from '../files/file-kind.js';
import type { ResolvedTalosconfigPath } from '../talosconfig-path.js';

/** Read bits for group and others: what lets another user read a credential. */
const OTHERS_READ = 0o044;

/**
 * talosctl's file holds a credential in plaintext, so talcred writes it 0600 in a 0700 folder (TALOS.md);
 * a file or folder someone else made or loosened is pointed out, not changed: it may be shared on purpose.
 * Refuses a file that is not a regular file, like every other read of it.
 */
export async function talosconfigWarnings(talosconfig: ResolvedTalosconfigPath): Promise<StatusWarning[]> {
  const file = await statRegularOrMissing(talosconfig.path, 'read');
  // The Kubernetes pod secret is mounted by the cluster: nothing here to change.
  if (talosconfig.readOnly) return [];
  const warnings: StatusWarning[] = [];
  if (file !== null && (file.mode & OTHERS_READ) !== 0) {
    warnings.push({
      code: 'talosconfig-readable-by-others',
      message: `${talosconfig.path} can be read by other users (mode ${modeText(file.mode)}) and holds a credential: make it private (chmod 600)`,
    });
  }
  const folderPath = dirname(talosconfig.path);
  const folder = await stat(folderPath).catch(() => null);
  if (folder?.isDirectory() === true && (folder.mode & OTHERS_READ) !== 0) {
    warnings.push({
      code: 'talosconfig-folder-readable-by-others',
      message: `${folderPath} (talosctl's folder) can be listed by other users (mode ${modeText(folder.mode)}): make it private (chmod 700)`,
    });
  }
  return warnings;
}

function modeText(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}

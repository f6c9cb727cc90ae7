import type { ImportResult } from '../../../shared/contract/vault-contract.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { importContexts } from '../import-contexts.js';
import type { SweepDeps } from './sweep-deps.js';

/**
 * `sweep.importFound`: the found talosconfigs go into the vault with the merge's duplicate detection, so
 * a context the vault already holds (under any name) is skipped, not added as `NAME-1`.
 */
export async function importFound(
  deps: SweepDeps,
  ids: readonly string[],
): Promise<ImportResult & { files: Array<{ id: string; path: string }> }> {
  const records = ids.map((id) => ({ id, record: deps.found.get(id) }));
  const other = records.find(({ record }) => record.kind !== 'talosconfig');
  if (other !== undefined) {
    throw new SweepError(
      'finding-not-importable',
      `${other.record.path}: is a ${other.record.kind === 'secrets-bundle' ? 'secrets bundle' : 'machine config'}, not a talosconfig; its OS CA is stored with the CA import`,
    );
  }
  const result = await importContexts(deps, {
    sources: records.map(({ record }) => ({
      kind: 'file' as const,
      file: { kind: 'path' as const, path: record.path },
      ageIdentities: [],
    })),
    dedupe: true,
    onConflict: 'rename',
    dryRun: false,
  });
  return { ...result, files: records.map(({ id, record }) => ({ id, path: record.path })) };
}

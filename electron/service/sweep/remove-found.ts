import { lstatSync, unlinkSync } from 'node:fs';
import type { KeptReason } from '../../../shared/contract/sweep-contract.js';
import { sameContextContent } from '../../../shared/talosconfig/context-equality.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { readRegularFileOrMissing } from '../../files/read-limited.js';
import { MAX_SWEPT_FILE_BYTES } from '../../sweep/classify-file.js';
import { gitStates } from '../../sweep/git-tracking.js';
import type { FoundRecord } from './found-files.js';
import type { SweepDeps } from './sweep-deps.js';

type Found = { id: string; path: string };

function sameFile(record: FoundRecord): boolean {
  try {
    const info = lstatSync(record.path);
    return info.isFile() && info.dev === record.dev && info.ino === record.ino;
  } catch {
    return false;
  }
}

function talosctlReads(deps: SweepDeps, record: FoundRecord): boolean {
  if (record.talosctlFile) return true;
  try {
    const info = lstatSync(deps.talosconfig().path);
    return info.dev === record.dev && info.ino === record.ino;
  } catch {
    return false;
  }
}

/**
 * `sweep.removeFound`: deletes a found talosconfig only when the vault holds every one of its contexts
 * identically, as the file reads NOW (not as it read at the scan). Never a file git tracks — a committed
 * credential is published: deleting it hides nothing, rotating it does — nor one git might track (git
 * missing), nor talosctl's own file (emptied by `lock`). Everything kept is returned with its reason.
 */
export async function removeFound(
  deps: SweepDeps,
  ids: readonly string[],
): Promise<{ removed: Found[]; kept: Array<Found & { reason: KeptReason }> }> {
  const records = ids.map((id) => ({ id, record: deps.found.get(id) }));
  const held = (await deps.store.read()).contexts.map((entry) => entry.context);
  const { states } = await gitStates(records.map(({ record }) => record.path));
  const removed: Found[] = [];
  const kept: Array<Found & { reason: KeptReason }> = [];
  for (const { id, record } of records) {
    const keep = (reason: KeptReason) => kept.push({ id, path: record.path, reason });
    if (record.kind !== 'talosconfig') {
      keep('not-a-talosconfig');
      continue;
    }
    if (talosctlReads(deps, record)) {
      keep('talosctl-file');
      continue;
    }
    const git = states.get(record.path) ?? 'unknown';
    if (git === 'committed' || git === 'staged') {
      keep('git-tracked');
      continue;
    }
    if (git === 'unknown') {
      keep('git-unknown');
      continue;
    }
    if (!sameFile(record)) {
      keep('changed');
      continue;
    }
    let everyContextHeld: boolean;
    try {
      const bytes = await readRegularFileOrMissing(record.path, MAX_SWEPT_FILE_BYTES);
      const config = bytes === null ? null : parseTalosconfig(bytes, record.path);
      if (config === null || config.contexts.length === 0) {
        keep('changed');
        continue;
      }
      everyContextHeld = config.contexts.every((context) =>
        held.some((stored) => sameContextContent(stored, context)),
      );
    } catch {
      keep('changed');
      continue;
    }
    if (!everyContextHeld) {
      keep('not-in-vault');
      continue;
    }
    try {
      unlinkSync(record.path);
      removed.push({ id, path: record.path });
    } catch {
      keep('remove-failed');
    }
  }
  return { removed, kept };
}

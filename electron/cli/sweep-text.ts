import { relative, sep } from 'node:path';
import type { FoundFile, KeptReason, ScanResult } from '../../shared/contract/sweep-contract.js';
import { isoDate, relativeTime } from '../../shared/relative-time.js';
import { formatTable } from './io.js';

const KIND_LABEL: Record<FoundFile['kind'], string> = {
  talosconfig: 'talosconfig (client keys)',
  'secrets-bundle': 'Talos secrets bundle (CA keys)',
  'machine-config': 'control-plane machine config (OS CA key)',
};

const GIT_LABEL: Record<FoundFile['git'], string> = {
  outside: 'not in a git work tree',
  untracked: 'in a git work tree, not tracked',
  staged: 'STAGED in git (not committed yet: `git rm --cached` it)',
  committed: 'COMMITTED to git',
  unknown: 'in a git work tree, tracking unknown (git did not answer)',
};

export const KEPT_LABEL: Record<KeptReason, string> = {
  'git-tracked': 'tracked by git: rotate it, then remove it from the repository',
  'git-unknown': 'in a git work tree git did not answer for',
  'talosctl-file': "talosctl's own file: `talcred lock` empties it",
  'not-a-talosconfig': 'not a talosconfig',
  'not-in-vault': 'the vault does not hold every context of it',
  changed: 'changed since the sweep read it',
  'remove-failed': 'could not be deleted',
};

/** A path under the working folder is shown relative to it, as the user typed `talcred sweep .`. */
export function shownPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside !== '' && !inside.startsWith('..') && !inside.startsWith(sep) ? inside : path;
}

function vaultCell(inVault: boolean | null): string {
  if (inVault === null) return '?';
  return inVault ? 'yes' : 'no';
}

/** What to do about a committed credential: deleting it does not unpublish it. */
function rotateAdvice(file: FoundFile): string {
  switch (file.kind) {
    case 'talosconfig':
      return 'deleting it does not unpublish it: rotate these credentials (issue new ones with short TTLs; Talos cannot revoke, so only `talosctl rotate-ca` ends the old ones before they expire)';
    case 'secrets-bundle':
    case 'machine-config':
      return 'deleting it does not unpublish it: rotate the cluster CA (`talosctl rotate-ca`) and the other secrets it holds';
  }
}

/** One block per found file: what it is, who can read it, git, and a talosconfig's contexts. */
export function formatFoundFiles(result: ScanResult, cwd: string, now: Date): string[] {
  const lines: string[] = [];
  for (const file of result.files) {
    const mode = `mode ${file.mode}${file.readableByOthers ? ' (READABLE BY OTHERS: chmod 600)' : ''}`;
    lines.push(shownPath(file.path, cwd), `  ${KIND_LABEL[file.kind]}, ${mode}, ${GIT_LABEL[file.git]}`);
    if (file.talosctlFile)
      lines.push("  talosctl's own file: `talcred lock` empties it when no context is in use");
    if (file.git === 'committed') lines.push(`  ${rotateAdvice(file)}`);
    if (file.contexts.length > 0) {
      const table = formatTable(
        ['CONTEXT', 'ROLES', 'EXPIRES', 'IN VAULT'],
        file.contexts.map((context) => [
          context.name,
          context.roles.length === 0 ? '(none)' : context.roles.join(','),
          context.notAfter === null
            ? '-'
            : `${isoDate(context.notAfter)} (${relativeTime(new Date(context.notAfter), now)})`,
          vaultCell(context.inVault),
        ]),
      );
      lines.push(...table.map((line) => `  ${line}`));
    }
    lines.push('');
  }
  for (const skipped of result.skipped) lines.push(`skipped: ${skipped.message}`);
  if (result.vault.state === 'unavailable') lines.push(`vault not compared: ${result.vault.message}`);
  if (result.git === 'missing') lines.push('git is not installed: whether git tracks a file is unknown');
  const { folders, files } = result.counts;
  const count = result.files.length;
  lines.push(
    `${count === 0 ? 'no' : count} plaintext credential file${count === 1 ? '' : 's'} found (${folders} folders, ${files} files swept)`,
  );
  return lines;
}

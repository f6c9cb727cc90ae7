import type {
  FoundContext,
  FoundFile,
  FoundKind,
  GitState,
  KeptReason,
} from '../../../shared/contract/sweep-contract.js';
import { isoDate, relativeTime } from '../../../shared/relative-time.js';
import type { ExpiryTone } from './expiry-words.js';

/** What each kind of file gives away: client keys, or a CA key that signs anyone's credential. */
export const kindWords: Readonly<Record<FoundKind, string>> = {
  talosconfig: 'talosconfig with client keys',
  'secrets-bundle': 'Talos secrets bundle (CA keys)',
  'machine-config': 'control-plane machine config (the OS CA key)',
};

export interface GitWords {
  label: string;
  /** What the user must do, where git's state asks for more than a deletion. */
  advice: string | null;
  danger: boolean;
}

/**
 * A committed credential is published: every clone has it, so deleting the file hides nothing. Talos
 * cannot revoke a certificate (TALOS.md), so only new credentials or a rotated CA end it.
 */
export function gitWords(git: GitState, kind: FoundKind): GitWords {
  switch (git) {
    case 'committed':
      return {
        label: 'Committed to git',
        advice:
          kind === 'talosconfig'
            ? 'Deleting it does not unpublish it: rotate these credentials. Issue new ones with short lifetimes; Talos cannot revoke, so only rotating the OS CA (talosctl rotate-ca) ends the old ones before they expire.'
            : 'Deleting it does not unpublish it: rotate the cluster CA (talosctl rotate-ca) and the other secrets it holds.',
        danger: true,
      };
    case 'staged':
      return {
        label: 'Staged in git, not committed yet',
        advice:
          'Take it out of the index (git rm --cached) and add it to .gitignore before the next commit publishes it.',
        danger: true,
      };
    case 'untracked':
      return {
        label: 'In a git work tree, not tracked',
        advice: 'Add it to .gitignore so it is never committed.',
        danger: false,
      };
    case 'outside':
      return { label: 'Not in a git repository', advice: null, danger: false };
    case 'unknown':
      return {
        label: 'Git state unknown (git did not answer)',
        advice: 'It may be tracked, so the app will not remove it.',
        danger: false,
      };
  }
}

/** "expires in 4 years (2031-07-03)", with the tone the contexts list uses. */
export function foundExpiryWords(context: FoundContext, now: Date): { text: string; tone: ExpiryTone } {
  if (context.notAfter === null) return { text: 'no readable certificate', tone: 'none' };
  const notAfter = new Date(context.notAfter);
  const when = `${relativeTime(notAfter, now)} (${isoDate(context.notAfter)})`;
  if (notAfter.getTime() <= now.getTime()) return { text: `expired ${when}`, tone: 'expired' };
  return { text: `expires ${when}`, tone: 'ok' };
}

export function inVaultWords(inVault: boolean | null): string {
  if (inVault === null) return 'vault not compared';
  return inVault ? 'in the vault' : 'not in the vault';
}

/**
 * Why the app will not offer to remove a file, or null when it will. The same rules as the service's
 * removeFound (which checks again as the file reads then): only a talosconfig every context of which the
 * vault holds identically, never one git tracks or might, never the file talosctl reads.
 */
export function whyKept(file: FoundFile): string | null {
  if (file.kind !== 'talosconfig')
    return 'Not removed by the app: store its OS CA with Import a CA, then delete the file yourself once you no longer need it.';
  if (file.talosctlFile)
    return 'talosctl reads this file: the app never removes it. Locking the vault empties it.';
  if (file.git === 'committed' || file.git === 'staged')
    return 'Git tracks it: rotate the credentials, then remove it from the repository.';
  if (file.git === 'unknown') return 'Git did not answer for its folder, so it might be tracked.';
  if (file.contexts.length === 0 || file.contexts.some((context) => context.inVault !== true))
    return 'Import it first: the vault does not hold every context of it yet.';
  return null;
}

export const keptReasonWords: Readonly<Record<KeptReason, string>> = {
  'git-tracked': 'git tracks it: rotate the credentials, then remove it from the repository',
  'git-unknown': 'git did not answer for its folder, so it might be tracked',
  'talosctl-file': 'talosctl reads it (locking the vault empties it)',
  'not-a-talosconfig': 'it is not a talosconfig',
  'not-in-vault': 'the vault does not hold every context of it: import it first',
  changed: 'it changed since the scan: scan again',
  'remove-failed': 'it could not be deleted (check the permissions of its folder)',
};

/** A talosconfig holding a context the vault lacks (or may lack): one worth importing. */
export function needsImport(file: FoundFile): boolean {
  return file.kind === 'talosconfig' && file.contexts.some((context) => context.inVault !== true);
}

/** The talosconfigs an import takes: those selected, else every one the vault does not hold yet. */
export function importTargets(files: readonly FoundFile[], selected: ReadonlySet<string>): FoundFile[] {
  const candidates = files.filter(needsImport);
  const chosen = candidates.filter((file) => selected.has(file.id));
  return chosen.length > 0 ? chosen : candidates;
}

/**
 * After a successful import the vault holds every context of each imported file: the import adds it,
 * adds it under another name, or skips it as held already (dedupe). Marked here rather than by a second
 * scan, which would walk the whole home folder again; removeFound checks the file afresh in any case.
 */
export function markImported(files: readonly FoundFile[], importedIds: ReadonlySet<string>): FoundFile[] {
  return files.map((file) =>
    importedIds.has(file.id)
      ? { ...file, contexts: file.contexts.map((context) => ({ ...context, inVault: true })) }
      : file,
  );
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

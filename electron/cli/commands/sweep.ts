import { resolve } from 'node:path';
import type { FoundFile, KeptReason, ScanResult } from '../../../shared/contract/sweep-contract.js';
import type { ImportResult } from '../../../shared/contract/vault-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, writeLines, type CliIo } from '../io.js';
import { canPrompt, confirm } from '../prompt.js';
import { formatFoundFiles, KEPT_LABEL, shownPath } from '../sweep-text.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred sweep [PATH...] [--depth N] [--import] [--remove [-y]] [--json]

Looks for Talos credentials left in plaintext: talosconfigs holding client keys, secrets bundles
(\`talosctl gen secrets\`: the OS CA key among others) and control-plane machine configs (the OS CA key).
Without PATH: the places talosctl reads its config from, and the home folder 6 levels deep. Symbolic
links are never followed; node_modules, .git, caches and the vault folder are passed over; only regular
files up to 1 MiB are read. Per file: its kind, mode (group- or world-readable is flagged), whether git
tracks it (a committed credential must be rotated, not just deleted), and each context's roles, expiry
and whether the vault already holds it.

  --depth N   levels below each PATH to look (as find -maxdepth; default: all, and 6 for the home folder)
  --import    import the talosconfigs found into the vault (contexts it already holds are skipped)
  --remove    then delete the talosconfigs whose every context the vault holds identically (asks;
              never a file git tracks, never talosctl's own file: \`talcred lock\` empties that one)
  -y, --yes   delete without asking (required with --remove when not on a terminal)
  --json      {"files", "skipped", "counts", "git", "vault", "imported", "removed", "kept", "remaining"}

Exit status: 0 when no plaintext credential is left, 1 when one is (so \`talcred sweep .\` can gate a
commit or a CI job), 2 on bad usage or a PATH that cannot be read.`;

function depthOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const depth = Number(value);
  if (!/^\d+$/.test(value) || depth < 1 || depth > 64) {
    throw new UsageError('--depth takes a whole number from 1 to 64 (see `talcred sweep --help`)');
  }
  return depth;
}

/** Progress on a terminal only, overwritten in place on standard error; scripts and pipes see none. */
function progressLine(io: CliIo, json: boolean) {
  const stderr = io.stderr as CliIo['stderr'] & { isTTY?: boolean };
  if (json || stderr.isTTY !== true) return { report: undefined, done: () => undefined };
  let shown = false;
  return {
    report: (progress: { folders: number; files: number; found: number }) => {
      shown = true;
      stderr.write(
        `\rsweeping: ${progress.folders} folders, ${progress.files} files, ${progress.found} found`,
      );
    },
    done: () => {
      if (shown) stderr.write('\r\u001b[K');
    },
  };
}

/** Removable: a talosconfig not tracked by git, not talosctl's, whose contexts the vault now holds. */
function removable(file: FoundFile, imported: boolean): boolean {
  return (
    file.kind === 'talosconfig' &&
    !file.talosctlFile &&
    (file.git === 'outside' || file.git === 'untracked') &&
    (imported || file.contexts.every((context) => context.inVault === true))
  );
}

function importLines(result: ImportResult): string[] {
  return [
    ...result.added.map((name) => `imported ${name}`),
    ...result.renamed.map(({ from, to }) => `imported ${from} as ${to} (the name was taken)`),
    ...result.skipped.map((name) => `skipped  ${name} (identical context already in the vault)`),
  ];
}

export const sweepCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('sweep', argv, {
      depth: { type: 'string' },
      import: { type: 'boolean' },
      remove: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
    });
    const json = values.json === true;
    const depth = depthOf(values.depth);
    // Refused before anything is read or written: a script must say -y.
    if (values.remove === true && values.yes !== true && !canPrompt(io)) {
      throw new UsageError('sweep --remove asks before deleting; pass -y when not on a terminal');
    }
    const services = openServices(io, globals);
    const progress = progressLine(io, json);
    let result: ScanResult;
    try {
      result = await services.sweep.scan(
        {
          folders: positionals.map((path) => ({ kind: 'path' as const, path: resolve(io.cwd, path) })),
          ...(depth === undefined ? {} : { depth }),
        },
        progress.report === undefined ? {} : { onProgress: progress.report },
      );
    } finally {
      progress.done();
    }
    if (!json) writeLines(io.stdout, formatFoundFiles(result, io.cwd, io.now()));

    let imported: ImportResult | null = null;
    const talosconfigs = result.files.filter((file) => file.kind === 'talosconfig');
    if (values.import === true && talosconfigs.length > 0) {
      imported = await services.sweep.importFound({ ids: talosconfigs.map((file) => file.id) });
      if (!json) writeLines(io.stdout, importLines(imported));
    }

    let removed: Array<{ id: string; path: string }> = [];
    let kept: Array<{ id: string; path: string; reason: KeptReason }> = [];
    if (values.remove === true) {
      const candidates = result.files.filter((file) => removable(file, imported !== null));
      const asked =
        candidates.length === 0 ||
        values.yes === true ||
        (await confirm(
          io,
          `Delete ${candidates.length} plaintext talosconfig${candidates.length === 1 ? '' : 's'} whose every context the vault holds?\n${candidates
            .map((file) => `  ${shownPath(file.path, io.cwd)}`)
            .join('\n')}\n`,
        ));
      // Every talosconfig goes to the service, which decides again on the files as they are now and says
      // why it keeps each one it keeps (git, talosctl's file); the question names those it will delete.
      if (candidates.length > 0 && asked) {
        ({ removed, kept } = await services.sweep.removeFound({ ids: talosconfigs.map((file) => file.id) }));
      } else if (candidates.length > 0 && !json) writeLine(io.stdout, 'nothing removed');
      if (!json) {
        for (const file of removed) writeLine(io.stdout, `removed  ${shownPath(file.path, io.cwd)}`);
        for (const file of kept) {
          writeLine(io.stdout, `kept     ${shownPath(file.path, io.cwd)}: ${KEPT_LABEL[file.reason]}`);
        }
      }
    }

    const remaining = result.files.length - removed.length;
    if (json) {
      const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
      printJson(io, {
        files: result.files.map(strip),
        skipped: result.skipped,
        counts: result.counts,
        git: result.git,
        vault: result.vault,
        imported:
          imported === null
            ? null
            : { added: imported.added, renamed: imported.renamed, skipped: imported.skipped },
        removed: removed.map(strip),
        kept: kept.map(strip),
        remaining,
      });
    } else if (values.remove === true || values.import === true) {
      writeLine(io.stdout, `${remaining} plaintext credential file${remaining === 1 ? '' : 's'} left`);
    }
    return remaining > 0 ? ExitCode.no : ExitCode.ok;
  },
};

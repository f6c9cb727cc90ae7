import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ArgsOf } from '../../../shared/contract/operation.js';
import type {
  FoundContext,
  FoundFile,
  ScanResult,
  sweepOperations,
} from '../../../shared/contract/sweep-contract.js';
import { sameContextContent } from '../../../shared/talosconfig/context-equality.js';
import type { TalosContext } from '../../../shared/talosconfig/model.js';
import { UsageError, UserError } from '../../../shared/user-error.js';
import { diagnoseContext } from '../../pki/diagnose-context.js';
import { classifyCredential, type Classified } from '../../sweep/classify-file.js';
import { gitStates } from '../../sweep/git-tracking.js';
import { unreadablePath } from '../../sweep/sweep-error.js';
import { walkTree, type WalkedFile, type WalkRoot } from '../../sweep/walk-tree.js';
import type { CallContext } from '../implement.js';
import { POD_SECRET_TALOSCONFIG } from '../../talosconfig-path.js';
import type { SweepDeps } from './sweep-deps.js';

type ScanArgs = ArgsOf<typeof sweepOperations.scan>;
type Progress = { folders: number; files: number; found: number; folder: string };

/** The default: deep enough for ~/work/org/repo/deploy/cluster/talosconfig, shallow enough to be quick. */
export const DEFAULT_HOME_DEPTH = 6;
/** Named folders are walked whole; this bound only stops a loop of bind mounts. */
const NAMED_FOLDER_DEPTH = 64;

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw unreadablePath(path, error);
  }
}

/** Every place talosctl may read its config from (TALOS.md "Where talosctl looks"), where one exists. */
function talosctlLocations(deps: SweepDeps): string[] {
  const { env, homeDir } = deps;
  const talosHome = env.TALOS_HOME;
  const candidates = [
    deps.talosconfig().path,
    env.TALOSCONFIG ?? '',
    talosHome !== undefined && isAbsolute(talosHome) ? join(talosHome, 'config') : '',
    join(homeDir, '.talos', 'config'),
    POD_SECRET_TALOSCONFIG,
  ];
  const found = candidates
    .filter((path) => path !== '' && existsSync(path))
    .map((path) => realpathSync(path));
  return [...new Set(found)];
}

function rootsOf(deps: SweepDeps, args: ScanArgs): WalkRoot[] {
  if (args.folders.length === 0) {
    return [
      ...talosctlLocations(deps).map((path) => ({ path, depth: 1 })),
      { path: realPath(deps.homeDir), depth: args.depth ?? DEFAULT_HOME_DEPTH },
    ];
  }
  return args.folders.map((ref) => ({
    path: realPath(resolve(deps.files.folderPath(ref))),
    depth: args.depth ?? NAMED_FOLDER_DEPTH,
  }));
}

interface Candidate {
  file: WalkedFile;
  found: Exclude<Classified, null | { kind: 'unparsable' }>;
}

/** The vault's contexts to compare against, or why there are none. */
async function vaultContexts(
  deps: SweepDeps,
): Promise<{ state: ScanResult['vault']; contexts: readonly TalosContext[] | null }> {
  // No vault yet holds nothing: every context is "not in the vault", not "unknown".
  if (!(await deps.store.exists())) return { state: { state: 'missing' }, contexts: [] };
  try {
    const document = await deps.store.read();
    return { state: { state: 'compared' }, contexts: document.contexts.map((entry) => entry.context) };
  } catch (error) {
    // A sweep still reports what lies on disk when the vault will not open (locked, no keychain).
    if (error instanceof UserError)
      return { state: { state: 'unavailable', message: error.message }, contexts: null };
    throw error;
  }
}

function statKey(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

/**
 * `sweep.scan`: walks, classifies, asks git, compares with the vault, and remembers each found file under
 * an id. Only facts leave: no byte of a found file is in the result.
 */
export async function scan(
  deps: SweepDeps,
  args: ScanArgs,
  call: CallContext<Progress>,
): Promise<ScanResult> {
  const roots = rootsOf(deps, args);
  const vaultDir = existsSync(deps.store.dir) ? realpathSync(deps.store.dir) : null;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const unparsable: ScanResult['skipped'] = [];
  const walked = await walkTree(roots, {
    excluded: (path) => path === vaultDir,
    signal: call.signal,
    progress: (counts, folder) => {
      call.progress({ folders: counts.folders, files: counts.files, found: candidates.length, folder });
    },
    onCandidate(file) {
      // talosctl's file is both a root and inside the home folder: report it once.
      const key = `${file.dev}:${file.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
      const found = classifyCredential(file.bytes, file.path);
      if (found === null) return;
      if (found.kind === 'unparsable') {
        unparsable.push({ path: file.path, reason: 'unparsable', message: found.message });
        return;
      }
      candidates.push({ file, found });
    },
  });

  // A caller that gave up during the walk's last slice spawns no git and opens no vault.
  if (call.signal.aborted) throw new UsageError('scan: cancelled', 'cancelled');
  const { states, gitMissing } = await gitStates(candidates.map(({ file }) => file.path));
  const anyTalosconfig = candidates.some(({ found }) => found.kind === 'talosconfig');
  const vault = anyTalosconfig
    ? await vaultContexts(deps)
    : { state: { state: 'missing' as const }, contexts: [] };
  const talosctlKey = statKey(deps.talosconfig().path);
  const now = deps.now();

  const files: FoundFile[] = candidates.map(({ file, found }) => {
    const talosctlFile = talosctlKey === `${file.dev}:${file.ino}`;
    const contexts: FoundContext[] =
      found.kind !== 'talosconfig'
        ? []
        : found.config.contexts.map((context) => {
            const report = diagnoseContext(context, { now, current: context.name === found.config.context });
            return {
              name: context.name,
              roles: report.cert?.roles ?? [],
              notAfter: report.cert?.notAfter ?? null,
              inVault:
                vault.contexts === null
                  ? null
                  : vault.contexts.some((held) => sameContextContent(held, context)),
            };
          });
    const id = deps.found.add({
      path: file.path,
      kind: found.kind,
      dev: file.dev,
      ino: file.ino,
      talosctlFile,
    });
    return {
      id,
      path: file.path,
      kind: found.kind,
      mode: `0${(file.mode & 0o777).toString(8).padStart(3, '0')}`,
      readableByOthers: (file.mode & 0o044) !== 0,
      git: states.get(file.path) ?? 'unknown',
      talosctlFile,
      contexts,
    };
  });
  return {
    files,
    skipped: [...walked.skipped, ...unparsable],
    counts: { folders: walked.counts.folders, files: walked.counts.files, parsed: walked.counts.candidates },
    git: gitMissing ? 'missing' : 'available',
    vault: vault.state,
  };
}

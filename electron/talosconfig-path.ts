import { isAbsolute, join } from 'node:path';

export type TalosconfigPathSource = 'flag' | 'TALOSCONFIG' | 'TALOS_HOME' | 'home' | 'pod-secret';

export interface ResolvedTalosconfigPath {
  path: string;
  /** The Kubernetes pod secret: talosctl reads it but refuses to write it. */
  readOnly: boolean;
  source: TalosconfigPathSource;
  /** False when talosctl would create the file (an empty config) on first use. */
  exists: boolean;
}

export interface ResolveTalosconfigPathOptions {
  /** `--talosconfig`; an empty value counts as not given, as in talosctl. */
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  homeDir: string;
  exists: (path: string) => boolean;
}

/** Mounted into Kubernetes pods by Talos's service-account feature. */
export const POD_SECRET_TALOSCONFIG = '/var/run/secrets/talos.dev/config';

interface Candidate {
  path: string;
  source: TalosconfigPathSource;
  readOnly: boolean;
}

/**
 * Where talosctl reads and writes its config (TALOS.md "Where talosctl looks"; talosctl's
 * pkg/machinery/client/config/path.go): `--talosconfig` wins and is created if missing; otherwise the first
 * existing of $TALOSCONFIG, $TALOS_HOME/config (only when TALOS_HOME is absolute, else ~/.talos/config) and
 * the read-only pod secret; when none exists, the first writable candidate is the one talosctl creates.
 */
export function resolveTalosconfigPath(options: ResolveTalosconfigPathOptions): ResolvedTalosconfigPath {
  const { flag, env, homeDir, exists } = options;
  if (flag !== undefined && flag !== '') {
    return { path: flag, readOnly: false, source: 'flag', exists: exists(flag) };
  }
  const candidates: Candidate[] = [];
  // talosctl keeps a set-but-empty TALOSCONFIG in its list, but "" never exists and is skipped as the file to
  // create, so it behaves exactly like an unset variable.
  const fromEnv = env.TALOSCONFIG;
  if (fromEnv !== undefined && fromEnv !== '') {
    candidates.push({ path: fromEnv, source: 'TALOSCONFIG', readOnly: false });
  }
  const talosHome = env.TALOS_HOME;
  const homeConfig: Candidate =
    talosHome !== undefined && isAbsolute(talosHome)
      ? { path: join(talosHome, 'config'), source: 'TALOS_HOME', readOnly: false }
      : { path: join(homeDir, '.talos', 'config'), source: 'home', readOnly: false };
  candidates.push(homeConfig, { path: POD_SECRET_TALOSCONFIG, source: 'pod-secret', readOnly: true });
  const found = candidates.find((candidate) => exists(candidate.path));
  if (found) return { ...found, exists: true };
  const writable = candidates.find((candidate) => !candidate.readOnly) ?? homeConfig;
  return { ...writable, exists: false };
}

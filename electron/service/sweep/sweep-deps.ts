import type { ServiceDeps } from '../service-deps.js';
import type { FoundFiles } from './found-files.js';

/** The services' deps plus what a sweep needs: where home is, and the files this session found. */
export interface SweepDeps extends ServiceDeps {
  found: FoundFiles;
  /** TALOSCONFIG and TALOS_HOME, read as talosctl reads them, for the default sweep. */
  env: Record<string, string | undefined>;
  homeDir: string;
}

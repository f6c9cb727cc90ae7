import { randomBytes } from 'node:crypto';
import type { FoundKind } from '../../../shared/contract/sweep-contract.js';
import { SweepError } from '../../sweep/sweep-error.js';

/** What the main side remembers of a found file, behind the id the scan result carries. */
export interface FoundRecord {
  path: string;
  kind: FoundKind;
  /** The file as scanned: a removal refuses a path that now names another file. */
  dev: number;
  ino: number;
  talosctlFile: boolean;
}

/**
 * The files this session's scans found, by random id (DESIGN.md "Files chosen in the app": the renderer
 * never names a path, so it acts on what a scan found by these ids). Kept for the session; the oldest go
 * first past a bound, so a long-running app does not grow without end.
 */
export interface FoundFiles {
  add(record: FoundRecord): string;
  get(id: string): FoundRecord;
}

const MAX_REMEMBERED = 20_000;

export function createFoundFiles(): FoundFiles {
  const found = new Map<string, FoundRecord>();
  return {
    add(record) {
      const id = randomBytes(12).toString('base64url');
      found.set(id, record);
      if (found.size > MAX_REMEMBERED) {
        const oldest = found.keys().next();
        if (oldest.done !== true) found.delete(oldest.value);
      }
      return id;
    },
    get(id) {
      const record = found.get(id);
      if (record === undefined) {
        throw new SweepError(
          'finding-unknown',
          `no file found by a sweep of this session has the id ${JSON.stringify(id.slice(0, 40))}; sweep again`,
        );
      }
      return record;
    },
  };
}

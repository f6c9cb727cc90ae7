import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

/** A short, file-name-safe tag of this machine's name, for files whose name says which process made them. */
export function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
}

/**
 * Only a process on this machine can be checked; one on another host (a shared home folder) is never taken
 * for dead. `host` is a host name, or a tag from `hostTag` when `tagged`.
 */
export function processIsGone(host: string, pid: number, tagged = false): boolean {
  if ((tagged ? hostTag() : hostname()) !== host || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

import { UsageError } from '../../shared/user-error.js';

/**
 * The process's working folder. A shell can sit in a folder that was removed since (`rm -rf` from another
 * terminal); Node then throws ENOENT from `process.cwd()`, which says nothing about what to do.
 */
export function workingFolder(): string {
  try {
    return process.cwd();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new UsageError(
      'the working folder no longer exists (it was deleted or moved); change to an existing folder and run again',
      'working-folder-missing',
    );
  }
}

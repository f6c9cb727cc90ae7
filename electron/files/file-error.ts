import type { Remedy } from '../../shared/contract/error-codes.js';
import { UserError } from '../../shared/user-error.js';

export type FileErrorCode =
  | 'file-read-failed'
  | 'file-write-failed'
  | 'file-too-large'
  | 'output-exists'
  | 'file-not-regular'
  | 'talosconfig-read-only'
  | 'talosconfig-unreadable'
  | 'file-token-invalid'
  | 'file-path-refused';

/** A file the user named cannot be read or written; the message names the path and what to do. */
export class FileError extends UserError {
  declare readonly code: FileErrorCode;

  constructor(code: FileErrorCode, message: string, options: { remedy?: Remedy | null } = {}) {
    super(code, message, options);
  }
}

/** Plain words for the errno codes a user can cause (a typo, permissions, a full disk). */
export function describeFileError(path: string, error: unknown, doing: 'read' | 'write'): FileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EDQUOT: 'the disk quota is exceeded',
    // mkdir of a folder where a file already stands (`--home FILE`)
    EEXIST: 'a file is already there where a folder is needed',
    ELOOP: 'the path has a loop of symbolic links',
    ENAMETOOLONG: 'the name is too long',
  };
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new FileError(`file-${doing}-failed`, `${path}: cannot ${doing}: ${reason}`);
}

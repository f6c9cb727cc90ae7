import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { OpenFileRef, saveFileSchema } from '../../shared/contract/file-ref.js';
import { FileError } from '../files/file-error.js';

/** `folder`: a folder picked to be swept (its files are read, none is named by the renderer). */
export type FilePurpose = 'open' | 'save' | 'folder';

/**
 * Files the user chose in the app's own dialogs, each behind a random token that is good for one use and
 * one purpose (DESIGN.md "Files chosen in the app"). The renderer only ever holds the token: even a
 * compromised page can reach no file the user did not pick.
 */
export interface PickedFiles {
  grant(path: string, purpose: FilePurpose): string;
  /** The path behind a token, which is then spent. */
  take(token: string, purpose: FilePurpose): string;
  /** The path behind a token, which stays good until taken (a read that may need asking again). */
  peek(token: string, purpose: FilePurpose): string;
}

/** A token not used within this time is dropped: a dialog's answer is used at once or not at all. */
const TOKEN_LIFETIME_MS = 30 * 60 * 1000;

export function createPickedFiles(now: () => number = Date.now): PickedFiles {
  const granted = new Map<string, { path: string; purpose: FilePurpose; at: number }>();
  return {
    grant(path, purpose) {
      const token = randomBytes(24).toString('base64url');
      granted.set(token, { path, purpose, at: now() });
      return token;
    },
    take(token, purpose) {
      const path = this.peek(token, purpose);
      granted.delete(token);
      return path;
    },
    peek(token, purpose) {
      const entry = granted.get(token);
      if (entry === undefined || entry.purpose !== purpose || now() - entry.at > TOKEN_LIFETIME_MS) {
        granted.delete(token);
        throw new FileError(
          'file-token-invalid',
          'the chosen file is no longer available to this operation (each choice is good for one use); choose it again',
        );
      }
      return entry.path;
    },
  };
}

/** How handlers turn a file reference into a path. */
export interface FileAccess {
  openPath(ref: OpenFileRef): string;
  /**
   * The path, leaving a token good: an import reads its files, and only once every one of them was read
   * (an age file may first need its passphrase asked for) does it `spend` them.
   */
  peekOpenPath(ref: OpenFileRef): string;
  spend(ref: OpenFileRef): void;
  /** A save dialog has already asked before replacing a file; a path says `overwrite` itself. */
  savePath(ref: z.output<typeof saveFileSchema>): { path: string; overwrite: boolean };
  /** A folder to sweep: a path as given, or a folder dialog's token. */
  folderPath(ref: OpenFileRef): string;
  /** The caller's standard output (`talcred export -o -`); the app has none. */
  writeStandardOutput(text: string): void;
}

export function createFileAccess(
  picked: PickedFiles | null,
  standardOutput: ((text: string) => void) | null = null,
): FileAccess {
  const tokens = (): PickedFiles => {
    if (picked === null) {
      throw new FileError('file-token-invalid', 'a chosen-file token means nothing here; name the file');
    }
    return picked;
  };
  const take = (token: string, purpose: FilePurpose): string => tokens().take(token, purpose);
  return {
    openPath: (ref) => (ref.kind === 'path' ? ref.path : take(ref.token, 'open')),
    peekOpenPath: (ref) => (ref.kind === 'path' ? ref.path : tokens().peek(ref.token, 'open')),
    spend(ref) {
      if (ref.kind === 'picked') tokens().take(ref.token, 'open');
    },
    folderPath: (ref) => (ref.kind === 'path' ? ref.path : tokens().take(ref.token, 'folder')),
    savePath: (ref) =>
      ref.kind === 'path'
        ? { path: ref.path, overwrite: ref.overwrite }
        : { path: take(ref.token, 'save'), overwrite: true },
    writeStandardOutput(text) {
      if (standardOutput === null) {
        throw new FileError('file-path-refused', 'there is no standard output here; choose a file');
      }
      standardOutput(text);
    },
  };
}

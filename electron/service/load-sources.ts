import type { z } from 'zod';
import type { importSourceSchema } from '../../shared/contract/vault-contract.js';
import { maxTalosconfigBytes } from '../../shared/talosconfig/limits.js';
import type { TalosConfig } from '../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import { readFileLimited } from '../files/read-limited.js';
import { decryptAgeFile, isAgeFile } from '../share/age-file.js';
import { readIdentityFile } from '../share/age-keys.js';
import type { OpenFileRef } from '../../shared/contract/file-ref.js';
import { quoteName } from '../../shared/quote-name.js';
import { FileError } from '../files/file-error.js';
import type { FileAccess } from './file-access.js';

export type ImportSourceArgs = z.output<typeof importSourceSchema>;

export interface LoadedSource {
  /** What messages and the vault's `source` metadata call it: the file's path, or the text's label. */
  label: string;
  config: TalosConfig;
}

/** age adds a header and a tag per 64 KiB; a talosconfig this large is refused on import anyway. */
const MAX_AGE_FILE_BYTES = maxTalosconfigBytes + 1024 * 1024;
const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

async function readSource(files: FileAccess, file: OpenFileRef): Promise<{ path: string; bytes: Buffer }> {
  const path = files.peekOpenPath(file);
  return { path, bytes: await readFileLimited(path, MAX_AGE_FILE_BYTES) };
}

/** A dropped file's name comes from the page: shown, never used as a path, its controls escaped. */
function droppedLabel(name: string): string {
  return `dropped file ${quoteName(name)}`;
}

function droppedBytes(base64: string, name: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_AGE_FILE_BYTES) {
    throw new FileError('file-too-large', `${droppedLabel(name)}: larger than a talosconfig may be`);
  }
  return bytes;
}

/**
 * Reads and parses every source before anything is written: one bad file changes nothing. An age file
 * (told by its content, not its name) is decrypted first with the identities or passphrase the source
 * brings; without the one it needs, `identity-needed` / `passphrase-needed` tell the caller what to ask.
 */
export async function loadSources(
  files: FileAccess,
  sources: readonly ImportSourceArgs[],
): Promise<LoadedSource[]> {
  const loaded: LoadedSource[] = [];
  for (const source of sources) {
    if (source.kind === 'text') {
      loaded.push({ label: source.label, config: parseTalosconfig(source.text, source.label) });
      continue;
    }
    const { path, bytes } =
      source.kind === 'bytes'
        ? { path: droppedLabel(source.label), bytes: droppedBytes(source.base64, source.label) }
        : await readSource(files, source.file);
    if (!isAgeFile(bytes)) {
      // Bytes, not a decoded string: the parser's UTF-8 check must see invalid sequences. The parser
      // refuses a plain file above the talosconfig limit itself.
      loaded.push({ label: path, config: parseTalosconfig(bytes, path) });
      continue;
    }
    const identities: string[] = [];
    for (const ref of source.ageIdentities) {
      const identityPath = files.peekOpenPath(ref);
      const text = (await readFileLimited(identityPath, MAX_IDENTITY_FILE_BYTES)).toString('utf8');
      identities.push(...readIdentityFile(text, identityPath));
    }
    const plain = await decryptAgeFile(
      bytes,
      source.agePassphrase === undefined ? { identities } : { identities, passphrase: source.agePassphrase },
      path,
    );
    loaded.push({ label: path, config: parseTalosconfig(Buffer.from(plain), path) });
  }
  // Every source was read: their files' tokens are spent now (and not before, so an age file whose
  // passphrase was missing can be read again with it).
  // One identity file may serve several sources: each token is spent once.
  const refs = sources.flatMap((source) =>
    source.kind === 'text' ? [] : [...(source.kind === 'file' ? [source.file] : []), ...source.ageIdentities],
  );
  const seen = new Set<string>();
  for (const ref of refs) {
    const id = ref.kind === 'picked' ? ref.token : `path:${ref.path}`;
    if (!seen.has(id)) files.spend(ref);
    seen.add(id);
  }
  return loaded;
}

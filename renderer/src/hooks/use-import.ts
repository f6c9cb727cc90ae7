import { useMutation } from '@tanstack/react-query';
import type { ImportChoice, ImportPreview } from '../../../shared/contract/import-preview.js';
import type { ImportSource } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError, talos } from '../api/talos.js';
import type { IncomingFile } from '../shell/shell-actions.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** A source of the import page: files (a dialog's token, a drop's bytes) or pasted text. */
export type PageSource = IncomingFile | { kind: 'text'; text: string; name: string };

/** How age-encrypted sources open: a passphrase, or identity files chosen in the dialog. */
export interface AgeKeys {
  passphrase?: string;
  identities: { token: string; name: string }[];
}

function toImportSource(source: PageSource, keys: AgeKeys): ImportSource {
  const age = {
    ageIdentities: keys.identities.map((identity) => ({ kind: 'picked' as const, token: identity.token })),
    ...(keys.passphrase === undefined ? {} : { agePassphrase: keys.passphrase }),
  };
  switch (source.kind) {
    case 'text':
      return { kind: 'text', text: source.text, label: source.name };
    case 'bytes':
      return { kind: 'bytes', base64: source.base64, label: source.name, ...age };
    case 'picked':
      return { kind: 'file', file: { kind: 'picked', token: source.token }, ...age };
  }
}

/** Reads the sources and proposes what importing them would do; nothing is written. */
export function usePreviewImport() {
  return useMutation<ImportPreview, TalosError, { sources: PageSource[]; keys: AgeKeys }>({
    mutationFn: async ({ sources, keys }) => {
      try {
        return await talos().vault.previewImport({
          sources: sources.map((source) => toImportSource(source, keys)),
        });
      } catch (error) {
        throw asTalosError(error);
      }
    },
  });
}

export function useApplyImport() {
  return useVaultMutation((args: { id: string; choices: ImportChoice[] }) => talos().vault.applyImport(args));
}

/** The open dialog for talosconfigs (and their age-encrypted copies). */
export async function pickTalosconfigs(): Promise<IncomingFile[]> {
  const { files } = await talos().dialogs.pickOpen({
    title: 'Import talosconfig files',
    filters: [
      { name: 'talosconfig', extensions: ['talosconfig', 'yaml', 'yml', 'age', 'config'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return files.map((file) => ({ kind: 'picked', ...file }));
}

export async function pickIdentities(): Promise<{ token: string; name: string }[]> {
  const { files } = await talos().dialogs.pickOpen({
    title: 'Choose an age identity file',
    filters: [{ name: 'All files', extensions: ['*'] }],
  });
  return files;
}

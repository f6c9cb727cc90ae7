import { talos } from '../api/talos.js';
import { useVaultMutation } from './use-vault-mutation.js';

/** The detail screen's changes to one context, each a vault call whose failure keeps its code. */
export function useContextEdits() {
  return {
    rename: useVaultMutation((args: { from: string; to: string }) => talos().vault.rename(args)),
    endpoints: useVaultMutation((args: { name: string; endpoints: string[] }) =>
      talos().vault.setEndpoints(args),
    ),
    nodes: useVaultMutation((args: { name: string; nodes: string[] }) => talos().vault.setNodes(args)),
    label: useVaultMutation((args: { name: string; set: Record<string, string>; remove: string[] }) =>
      talos().vault.label(args),
    ),
    note: useVaultMutation((args: { name: string; note: string }) => talos().vault.setNote(args)),
  };
}

export type ExportRequest =
  { name: string; encryption: 'plain' } | { name: string; encryption: 'age'; recipient: string };

/**
 * Export: the save dialog first (the main side hands a token for the chosen file, never a path the page
 * could make up), then a plain talosconfig or an age file for one recipient. Null when the dialog was
 * cancelled.
 */
export function useExportContext() {
  return useVaultMutation(async (request: ExportRequest) => {
    const age = request.encryption === 'age';
    const picked = await talos().dialogs.pickSave({
      title: `Export ${request.name}`,
      defaultName: `${request.name.replace(/[^\w.@-]+/g, '_')}${age ? '.talosconfig.age' : '.talosconfig'}`,
      filters: [
        age
          ? { name: 'age-encrypted talosconfig', extensions: ['age'] }
          : { name: 'talosconfig', extensions: ['talosconfig', 'yaml'] },
      ],
    });
    if (!picked.picked) return null;
    const output = { kind: 'picked' as const, token: picked.token };
    if (request.encryption === 'plain') {
      const result = await talos().vault.exportContexts({ names: [request.name], output });
      return { path: result.path, encrypted: false };
    }
    const result = await talos().issuing.exportAge({
      names: [request.name],
      output,
      recipients: [request.recipient],
    });
    return { path: result.path, encrypted: true };
  });
}

/** A new certificate with the same roles from the context's cluster CA, stored beside it (`NAME-1`). */
export function useIssueReplacement() {
  return useVaultMutation(
    (args: {
      ca: string;
      roles: string[];
      name: string;
      endpoints: string[];
      nodes: string[];
      allowAdmin: boolean;
    }) => talos().issuing.issue({ ...args, store: true }),
  );
}

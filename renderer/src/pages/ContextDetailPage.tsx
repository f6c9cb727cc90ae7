import { useMemo } from 'react';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { isAdminEquivalent } from '../../../shared/roles/permissions.js';
import { useContextEdits, useExportContext, useIssueReplacement } from '../hooks/use-context-edits.js';
import { useSwitchContext } from '../hooks/use-vault-actions.js';
import { ContextDetailScreen } from '../screens/ContextDetailScreen.js';

export interface ContextDetailPageProps {
  item: ContextItem;
  status: Status;
  items: readonly ContextItem[];
  onBack: () => void;
  onRenamed: (to: string) => void;
  onRemove: (name: string) => void;
}

/** One context's detail, its edits wired to the vault. */
export function ContextDetailPage({
  item,
  status,
  items,
  onBack,
  onRenamed,
  onRemove,
}: ContextDetailPageProps) {
  const edits = useContextEdits();
  const switchContext = useSwitchContext();
  const exportContext = useExportContext();
  const replacement = useIssueReplacement();
  const names = useMemo(() => new Set(items.map((entry) => entry.name)), [items]);
  const state = (mutation: { isPending: boolean; error: ReturnType<typeof useSwitchContext>['error'] }) => ({
    pending: mutation.isPending,
    error: mutation.error,
  });
  const { name } = item;
  const roles = item.cert?.roles ?? [];
  const issueReplacement =
    item.cluster === null || item.cert === null
      ? null
      : () => {
          // Admin-equivalent roles are confirmed by this button's own words ("same roles") and the list above.
          replacement.mutate({
            ca: item.cluster ?? '',
            roles,
            name,
            endpoints: item.endpoints,
            nodes: item.nodes,
            allowAdmin: isAdminEquivalent(roles),
          });
        };
  return (
    <ContextDetailScreen
      item={item}
      status={status}
      names={names}
      now={new Date()}
      actions={{
        back: onBack,
        switchTo: {
          ...state(switchContext),
          run: () => {
            switchContext.mutate(name);
          },
        },
        endpoints: {
          ...state(edits.endpoints),
          save: (endpoints) => {
            edits.endpoints.mutate({ name, endpoints });
          },
        },
        nodes: {
          ...state(edits.nodes),
          save: (nodes) => {
            edits.nodes.mutate({ name, nodes });
          },
        },
        labels: {
          ...state(edits.label),
          set: (key, value) => {
            edits.label.mutate({ name, set: { [key]: value }, remove: [] });
          },
          remove: (key) => {
            edits.label.mutate({ name, set: {}, remove: [key] });
          },
        },
        note: {
          ...state(edits.note),
          save: (note) => {
            edits.note.mutate({ name, note });
          },
        },
        rename: {
          ...state(edits.rename),
          run: (to) => {
            edits.rename.mutate(
              { from: name, to },
              {
                onSuccess: () => {
                  onRenamed(to);
                },
              },
            );
          },
          reset: () => {
            edits.rename.reset();
          },
        },
        exportTo: {
          ...state(exportContext),
          run: (request) => {
            exportContext.mutate(request);
          },
          done: exportContext.data ?? null,
          reset: () => {
            exportContext.reset();
          },
        },
        remove: () => {
          onRemove(name);
        },
        fixes: { renew: null, issueReplacement },
        fixError: replacement.error,
        fixNotice:
          replacement.data === undefined
            ? null
            : `A replacement was issued and stored as ${replacement.data.storedAs ?? replacement.data.context}, valid until ${replacement.data.notAfter.slice(0, 10)}.`,
      }}
    />
  );
}

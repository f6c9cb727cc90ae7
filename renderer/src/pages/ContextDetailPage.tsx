import { useMemo } from 'react';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { isAdminEquivalent } from '../../../shared/roles/permissions.js';
import { useContextEdits, useExportContext, useIssueReplacement } from '../hooks/use-context-edits.js';
import { useSwitchContext } from '../hooks/use-vault-actions.js';
import {
  useElevate,
  useElevationMaximum,
  useRenew,
  useRequestRenewal,
} from '../hooks/use-lifecycle-actions.js';
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
  const renew = useRenew();
  const requestRenewal = useRequestRenewal();
  const elevate = useElevate();
  const elevateMax = useElevationMaximum();
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
        fixes: {
          // The button says "Renew": same roles as now, admin ones included, which the badges above show.
          renew: item.renewable
            ? () => {
                renew.mutate({ names: [name], allowAdmin: isAdminEquivalent(roles) });
              }
            : null,
          requestRenewal:
            item.renewable || item.cert === null
              ? null
              : () => {
                  requestRenewal.mutate(name);
                },
          issueReplacement,
        },
        fixError: renew.error ?? requestRenewal.error ?? replacement.error,
        fixNotice: fixNotice(renew.data, requestRenewal.data, replacement.data),
        elevate:
          item.cluster === null || item.elevation !== null || elevateMax === null
            ? null
            : {
                ...state(elevate),
                maxSeconds: elevateMax,
                done: elevate.data ?? null,
                run: (args) => {
                  elevate.mutate(args);
                },
                reset: () => {
                  elevate.reset();
                },
              },
      }}
    />
  );
}

type Done<Hook extends () => { data: unknown }> = ReturnType<Hook>['data'];

/** What the last fix did, in one sentence. */
function fixNotice(
  renewed: Done<typeof useRenew>,
  requested: Done<typeof useRequestRenewal>,
  replaced: Done<typeof useIssueReplacement>,
): string | null {
  const renewal = renewed?.renewed[0];
  if (renewal !== undefined) {
    return `Renewed: a new key and certificate with the same roles, valid until ${renewal.notAfter.slice(0, 10)}${renewal.talosconfigRewritten ? "; talosctl's file has it too" : ''}.`;
  }
  if (requested) {
    return `Renewal request saved to ${requested.path}. When the CA's holder sends the certificate back, complete it in Requests: it replaces this context's certificate in place.`;
  }
  if (replaced) {
    return `A replacement was issued and stored as ${replaced.storedAs ?? replaced.context}, valid until ${replaced.notAfter.slice(0, 10)}.`;
  }
  return null;
}

import { useState } from 'react';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import type { IssueResult } from '../../../shared/contract/issuing-contract.js';
import { recipientList } from '../components/DestinationFields.js';
import { useCas, useIssue, type IssuingCallArgs } from '../hooks/use-issuing.js';
import { pickSaveFile } from '../hooks/use-pick-file.js';
import { useSettings } from '../hooks/use-settings.js';
import { ImportCaModal } from './CasPage.js';
import { IssueResultScreen } from '../screens/IssueResultScreen.js';
import { defaultContextName, IssueScreen, type IssueRequest } from '../screens/IssueScreen.js';
import { PageError, PageLoading } from '../components/PageStates.js';

/** The output part of an issue call: a save dialog's token, encrypted as chosen; null when cancelled. */
async function outputFor(request: IssueRequest): Promise<IssuingCallArgs<'issue'>['output'] | null> {
  const { destination } = request;
  if (destination.file === 'none') return undefined;
  const base = request.name ?? defaultContextName(request.roles, request.ca);
  const fileName = `${base.replace(/[^\w.@-]+/g, '-')}${destination.file === 'plain' ? '.yaml' : '.age'}`;
  const encrypted = destination.file !== 'plain';
  const picked = await pickSaveFile(
    encrypted ? 'Save the encrypted talosconfig' : 'Save the talosconfig (plaintext)',
    fileName,
    encrypted ? 'age' : 'talosconfig',
  );
  if (picked === null) return null;
  const file = { kind: 'picked' as const, token: picked.token };
  if (destination.file === 'recipients')
    return { file, ageRecipients: recipientList(destination.recipients) };
  if (destination.file === 'passphrase') return { file, agePassphrase: destination.passphrase };
  return { file };
}

/** The issue wizard wired to the vault: the form, the CA import dialog, and the result. */
export function IssuePage({ items }: { items: ContextItem[] }) {
  const cas = useCas();
  const settings = useSettings();
  const issue = useIssue();
  const [result, setResult] = useState<IssueResult | null>(null);
  const [importing, setImporting] = useState(false);
  // A fresh form after each result.
  const [formKey, setFormKey] = useState(0);

  const failure = cas.error ?? settings.error;
  if (failure) return <PageError title="Issue a config" error={failure} />;
  if (cas.data === undefined || settings.data === undefined) {
    return <PageLoading title="Issue a config" what="Loading the CAs…" />;
  }
  if (result !== null) {
    return (
      <IssueResultScreen
        result={result}
        now={new Date()}
        onAnother={() => {
          setResult(null);
          issue.reset();
          setFormKey((key) => key + 1);
        }}
      />
    );
  }

  const submit = async (request: IssueRequest) => {
    const output = await outputFor(request);
    if (output === null) return;
    issue.mutate(
      {
        ca: request.ca,
        roles: request.roles,
        ttlSeconds: request.ttlSeconds,
        ...(request.name === undefined ? {} : { name: request.name }),
        ...(request.identity === undefined ? {} : { identity: request.identity }),
        endpoints: request.endpoints,
        nodes: request.nodes,
        store: request.destination.store,
        allowAdmin: request.allowAdmin,
        ...(output === undefined ? {} : { output }),
      },
      { onSuccess: setResult },
    );
  };

  return (
    <>
      <IssueScreen
        key={formKey}
        cas={cas.data}
        items={items}
        settings={settings.data}
        busy={issue.isPending}
        error={issue.error}
        onIssue={(request) => {
          void submit(request);
        }}
        onImportCa={() => {
          setImporting(true);
        }}
      />
      <ImportCaModal isOpen={importing} onOpenChange={setImporting} />
    </>
  );
}

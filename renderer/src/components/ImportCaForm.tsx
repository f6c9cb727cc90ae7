import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { CaItem } from '../../../shared/contract/issuing-contract.js';
import { useImportCa } from '../hooks/use-issuing.js';
import { pickOpenFile, type FileKind, type PickedFile } from '../hooks/use-pick-file.js';
import { RadioChoices } from './Choices.js';
import { ErrorBanner } from './ErrorBanner.js';

type SourceKind = 'yaml' | 'pem';
type Slot = 'yaml' | 'cert' | 'key';

const slotTitles: Record<Slot, { title: string; kind: FileKind; button: string }> = {
  yaml: {
    title: 'Open secrets.yaml or controlplane.yaml',
    kind: 'yaml',
    button: 'Choose secrets or config file…',
  },
  cert: { title: 'Open the CA certificate (PEM)', kind: 'pem', button: 'Choose CA certificate…' },
  key: { title: 'Open the CA key (PEM)', kind: 'pem', button: 'Choose CA key…' },
};

/**
 * Stores a cluster's OS CA: from a secrets bundle or control-plane config (`certs.os`, `machine.ca`), or
 * from PEM files. A worker config has no CA key; the service says so and the error explains it.
 */
export function ImportCaForm({ onImported }: { onImported: (ca: CaItem) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SourceKind>('yaml');
  const [files, setFiles] = useState<Partial<Record<Slot, PickedFile>>>({});
  const importCa = useImportCa();
  const slots: Slot[] = kind === 'yaml' ? ['yaml'] : ['cert', 'key'];
  const ready = name.trim() !== '' && slots.every((slot) => files[slot] !== undefined);

  const pick = async (slot: Slot) => {
    const picked = await pickOpenFile(slotTitles[slot].title, slotTitles[slot].kind);
    if (picked) setFiles((before) => ({ ...before, [slot]: picked }));
  };
  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const token = (slot: Slot) => ({ kind: 'picked' as const, token: files[slot]?.token ?? '' });
    const source =
      kind === 'yaml' ? { kind, file: token('yaml') } : { kind, cert: token('cert'), key: token('key') };
    // Each token is good for one use: after an attempt the files must be chosen again.
    setFiles({});
    importCa.mutate({ name: name.trim(), source }, { onSuccess: onImported });
  };

  return (
    <Form className="stack" onSubmit={submit} aria-label="Import a CA">
      {importCa.error && <ErrorBanner error={importCa.error} />}
      <TextField className="field" value={name} onChange={setName} isRequired>
        <Label>Cluster name</Label>
        <Input className="text-input" placeholder="prod" />
        <span className="field-hint">A secrets bundle carries no cluster name: this one names the CA.</span>
      </TextField>
      <RadioChoices
        label="Where the CA is"
        value={kind}
        onChange={(value) => {
          setKind(value === 'pem' ? 'pem' : 'yaml');
        }}
        options={[
          {
            value: 'yaml',
            label: 'secrets.yaml or controlplane.yaml',
            description: 'A worker config will not do: it holds only the CA certificate, not its key.',
          },
          { value: 'pem', label: 'PEM files: the CA certificate and its key' },
        ]}
      />
      {slots.map((slot) => (
        <div className="file-row" key={slot}>
          <Button
            className="button"
            onPress={() => {
              void pick(slot);
            }}
          >
            {slotTitles[slot].button}
          </Button>
          <span className="file-name">{files[slot]?.name ?? 'No file chosen'}</span>
        </div>
      ))}
      <Button type="submit" className="button button-primary" isDisabled={!ready || importCa.isPending}>
        {importCa.isPending ? 'Importing…' : 'Import CA'}
      </Button>
    </Form>
  );
}

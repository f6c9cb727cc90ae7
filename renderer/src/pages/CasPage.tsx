import { useState } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { ImportCaForm } from '../components/ImportCaForm.js';
import { PageError, PageLoading } from '../components/PageStates.js';
import { useCas } from '../hooks/use-issuing.js';
import { CasScreen } from '../screens/CasScreen.js';

export function CasPage() {
  const cas = useCas();
  const [importing, setImporting] = useState(false);
  if (cas.error) return <PageError title="CAs" error={cas.error} />;
  if (cas.data === undefined) return <PageLoading title="CAs" what="Loading the CAs…" />;
  return (
    <>
      <CasScreen
        cas={cas.data}
        now={new Date()}
        onImport={() => {
          setImporting(true);
        }}
      />
      <ImportCaModal isOpen={importing} onOpenChange={setImporting} />
    </>
  );
}

/** The CA import form in a dialog, closed once the CA is stored. */
export function ImportCaModal(props: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Modal isDismissable isOpen={props.isOpen} onOpenChange={props.onOpenChange} className="modal">
      <Dialog className="dialog">
        <Heading slot="title">Import a CA</Heading>
        <ImportCaForm
          onImported={() => {
            props.onOpenChange(false);
          }}
        />
      </Dialog>
    </Modal>
  );
}

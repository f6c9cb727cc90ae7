import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { hasTalos, talos } from '../api/talos.js';
import { QuickSwitcher } from '../components/QuickSwitcher.js';
import { useSwitchContext } from '../hooks/use-vault-actions.js';
import { fileBase64, MAX_DROPPED_BYTES } from '../lib/file-bytes.js';
import { ShellActionsContext, type IncomingFile, type ShellActions } from './shell-actions.js';
import type { SectionId } from './sections.js';

/**
 * What the unlocked app does wherever the user is: Ctrl/Cmd+K opens the quick switcher; files dropped on
 * the window, or opened with the app (file association, a second launch), go to the import page.
 */
export function ShellActionsProvider(props: {
  items: readonly ContextItem[];
  goTo: (section: SectionId) => void;
  children: ReactNode;
}) {
  const { goTo } = props;
  const [incoming, setIncoming] = useState<IncomingFile[]>([]);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const switchContext = useSwitchContext();
  const incomingRef = useRef<IncomingFile[]>([]);
  incomingRef.current = incoming;

  const receive = useCallback(
    (files: IncomingFile[]) => {
      if (files.length === 0) return;
      setIncoming((waiting) => [...waiting, ...files]);
      goTo('import');
    },
    [goTo],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSwitcherOpen(true);
      }
    };
    // A drop anywhere is an import; without preventing dragover the browser would open the file itself.
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void Promise.all(
        files
          .filter((file) => file.size <= MAX_DROPPED_BYTES)
          .map(async (file): Promise<IncomingFile> => ({
            kind: 'bytes',
            name: file.name,
            base64: await fileBase64(file),
          })),
      ).then(receive);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [receive]);

  // Files the app was asked to open: those waiting at start, and any that arrive later.
  useEffect(() => {
    if (!hasTalos()) return;
    const take = () => {
      void talos()
        .dialogs.openedFiles({})
        .then(({ files }) => {
          receive(files.map((file) => ({ kind: 'picked' as const, ...file })));
        })
        .catch(() => undefined);
    };
    take();
    return talos().events.subscribe('filesOpened', take);
  }, [receive]);

  const actions = useMemo<ShellActions>(
    () => ({
      goTo,
      openSwitcher: () => {
        setSwitcherOpen(true);
      },
      incoming,
      receive,
      takeIncoming: () => {
        const taken = incomingRef.current;
        if (taken.length > 0) setIncoming([]);
        return taken;
      },
    }),
    [goTo, incoming, receive],
  );

  return (
    <ShellActionsContext.Provider value={actions}>
      {props.children}
      <QuickSwitcher
        isOpen={switcherOpen}
        items={props.items}
        onClose={() => {
          setSwitcherOpen(false);
        }}
        onSwitch={(name) => {
          switchContext.mutate(name);
        }}
      />
    </ShellActionsContext.Provider>
  );
}

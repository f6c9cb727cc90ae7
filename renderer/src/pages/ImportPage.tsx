import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import type { TalosError } from '../api/bridge-types.js';
import { asTalosError } from '../api/talos.js';
import {
  pickIdentities,
  pickTalosconfigs,
  useApplyImport,
  usePreviewImport,
  type AgeKeys,
  type PageSource,
} from '../hooks/use-import.js';
import { choiceProblems, toImportChoices, type RowChoice } from '../lib/import-choices.js';
import { ImportScreen, type ImportStep } from '../screens/ImportScreen.js';
import { useShellActions } from '../shell/shell-actions.js';

const ageCodes = { 'passphrase-needed': 'passphrase', 'identity-needed': 'identity' } as const;

/**
 * The import flow: sources (dialog, drop, paste, files opened with the app) → a merge preview the user
 * adjusts → apply. An age source asks for its passphrase or identity and is read again with it.
 */
export function ImportPage({ items }: { status: Status; items: ContextItem[] }) {
  const shell = useShellActions();
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [sources, setSources] = useState<PageSource[]>([]);
  const [keys, setKeys] = useState<AgeKeys>({ identities: [] });
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [choices, setChoices] = useState<Map<string, RowChoice>>(new Map());
  const [pickError, setPickError] = useState<TalosError | null>(null);
  const vaultNames = useMemo(() => new Set(items.map((item) => item.name)), [items]);
  const { mutate: runPreview } = preview;

  const read = useCallback(
    (next: PageSource[], nextKeys: AgeKeys) => {
      setSources(next);
      setKeys(nextKeys);
      setChoices(new Map());
      apply.reset();
      setState({ step: 'reading' });
      runPreview(
        { sources: next, keys: nextKeys },
        {
          onSuccess: (result) => {
            setState({ step: 'preview', preview: result });
          },
          onError: (error) => {
            const needs = ageCodes[error.code as keyof typeof ageCodes] as
              'passphrase' | 'identity' | undefined;
            if (needs !== undefined) setState({ step: 'age', needs, wrong: false });
            else if (error.code === 'wrong-passphrase')
              setState({ step: 'age', needs: 'passphrase', wrong: true });
            else if (error.code === 'no-matching-identity')
              setState({ step: 'age', needs: 'identity', wrong: true });
            else setState({ step: 'choose' });
          },
        },
      );
    },
    [runPreview, apply],
  );

  // Files dropped on the window or opened with the app arrive through the shell.
  const { incoming, takeIncoming } = shell;
  useEffect(() => {
    if (incoming.length === 0) return;
    read(takeIncoming(), { identities: [] });
  }, [incoming, takeIncoming, read]);

  const problems = useMemo(
    () =>
      state.step === 'preview'
        ? choiceProblems(state.preview.items, choices, vaultNames)
        : new Map<string, string>(),
    [state, choices, vaultNames],
  );
  const shownError = state.step === 'age' ? null : (apply.error ?? preview.error ?? pickError);

  return (
    <ImportScreen
      state={state}
      sourceNames={sources.map((source) => source.name)}
      error={shownError}
      choices={choices}
      problems={problems}
      applying={apply.isPending}
      onChooseFiles={() => {
        setPickError(null);
        pickTalosconfigs()
          .then((files) => {
            if (files.length > 0) read(files, { identities: [] });
          })
          .catch((error: unknown) => {
            setPickError(asTalosError(error));
          });
      }}
      onPaste={(text) => {
        read([{ kind: 'text', text, name: 'pasted text' }], { identities: [] });
      }}
      onChoose={(key, choice) => {
        setChoices((current) => new Map(current).set(key, choice));
      }}
      onApply={() => {
        if (state.step !== 'preview') return;
        apply.mutate(
          { id: state.preview.id, choices: toImportChoices(state.preview.items, choices) },
          {
            onSuccess: (result) => {
              setState({ step: 'done', result });
            },
          },
        );
      }}
      onStartOver={() => {
        preview.reset();
        apply.reset();
        setSources([]);
        setState({ step: 'choose' });
      }}
      onShowContexts={() => {
        shell.goTo('contexts');
      }}
      onPassphrase={(passphrase) => {
        read(sources, { ...keys, passphrase });
      }}
      onChooseIdentity={() => {
        pickIdentities()
          .then((identities) => {
            if (identities.length > 0) read(sources, { ...keys, identities });
          })
          .catch((error: unknown) => {
            setPickError(asTalosError(error));
          });
      }}
    />
  );
}

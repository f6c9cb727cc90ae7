import { useId, useMemo, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { switcherEntries } from '../lib/switcher-entries.js';
import { RoleBadges } from './RoleBadges.js';

export interface QuickSwitcherProps {
  isOpen: boolean;
  items: readonly ContextItem[];
  onClose: () => void;
  onSwitch: (name: string) => void;
}

/**
 * Ctrl/Cmd+K: a fuzzy search over name, cluster, label and endpoint, the recently used first. Arrow keys
 * move, Enter switches, Escape closes (the combobox pattern: focus stays in the field).
 */
export function QuickSwitcher({ isOpen, items, onClose, onSwitch }: QuickSwitcherProps) {
  return (
    <ModalOverlay
      className="modal-overlay switcher-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal switcher">
        <Dialog className="dialog" aria-label="Switch context">
          <SwitcherBody
            items={items}
            onSwitch={(name) => {
              onSwitch(name);
              onClose();
            }}
          />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function SwitcherBody({
  items,
  onSwitch,
}: {
  items: readonly ContextItem[];
  onSwitch: (name: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const entries = useMemo(() => switcherEntries(items, query), [items, query]);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const chosen = entries[Math.min(active, entries.length - 1)];
  return (
    <>
      <Heading slot="title" className="visually-hidden">
        Switch context
      </Heading>
      <input
        className="text-input switcher-input"
        role="combobox"
        aria-label="Switch to context"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={chosen === undefined ? undefined : optionId(entries.indexOf(chosen))}
        placeholder="Name, cluster, label or endpoint"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, entries.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter' && chosen !== undefined) onSwitch(chosen.name);
          else return;
          event.preventDefault();
        }}
      />
      <ul id={listId} role="listbox" aria-label="Contexts" className="switcher-list">
        {entries.map((item, index) => (
          <li
            key={item.name}
            id={optionId(index)}
            role="option"
            aria-selected={item === chosen}
            className={item === chosen ? 'switcher-option is-active' : 'switcher-option'}
            onPointerMove={() => {
              setActive(index);
            }}
            onClick={() => {
              onSwitch(item.name);
            }}
          >
            <span className="switcher-name">{item.name}</span>
            {item.current && <span className="badge badge-current">Current</span>}
            <span className="switcher-cluster">{item.cluster ?? ''}</span>
            <RoleBadges roles={item.cert?.roles ?? []} />
          </li>
        ))}
        {entries.length === 0 && <li className="switcher-empty">No context matches “{query}”.</li>}
      </ul>
    </>
  );
}

import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { dueContexts } from '../lib/due-contexts.js';
import { LifecycleBanners } from './LifecycleBanners.js';
import { SectionPage } from './SectionPage.js';
import { ShellActionsProvider } from './ShellActionsProvider.js';
import { SessionControls } from './SessionControls.js';
import { sections, type SectionId } from './sections.js';

/** The unlocked app: a sidebar of sections beside the selected section's page. */
export function AppShell({ status, items }: { status: Status; items: ContextItem[] }) {
  const [section, setSection] = useState<SectionId>('contexts');
  const selected: string = section;
  const dueCount = useMemo(() => {
    const due = dueContexts(items);
    return due.expiring.length + due.expired.length;
  }, [items]);
  return (
    <ShellActionsProvider items={items} goTo={setSection}>
      <div className="app-shell">
        <nav className="sidebar" aria-label="Sections">
          <ul>
            {sections.map((entry) => (
              <li key={entry.id}>
                <Button
                  className="sidebar-item"
                  aria-current={entry.id === selected ? 'page' : false}
                  onPress={() => {
                    setSection(entry.id);
                  }}
                >
                  {entry.label}
                  {entry.id === 'contexts' && dueCount > 0 && (
                    <span className="sidebar-badge" aria-label={`${dueCount} due for renewal`}>
                      {dueCount}
                    </span>
                  )}
                </Button>
              </li>
            ))}
          </ul>
          <SessionControls />
        </nav>
        <div className="app-page">
          <LifecycleBanners items={items} />
          <SectionPage section={section} status={status} items={items} />
        </div>
      </div>
    </ShellActionsProvider>
  );
}

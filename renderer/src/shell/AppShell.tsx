import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { SectionPage } from './SectionPage.js';
import { SessionControls } from './SessionControls.js';
import { sections, type SectionId } from './sections.js';

/** The unlocked app: a sidebar of sections beside the selected section's page. */
export function AppShell({ status, items }: { status: Status; items: ContextItem[] }) {
  const [section, setSection] = useState<SectionId>('contexts');
  const selected: string = section;
  return (
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
              </Button>
            </li>
          ))}
        </ul>
        <SessionControls />
      </nav>
      <div className="app-page">
        <SectionPage section={section} status={status} items={items} />
      </div>
    </div>
  );
}

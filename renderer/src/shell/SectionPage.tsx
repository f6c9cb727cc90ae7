import type { ReactElement } from 'react';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { ContextsPage } from '../pages/ContextsPage.js';
import { ImportPage } from '../pages/ImportPage.js';
import { CasPage } from '../pages/CasPage.js';
import { IssuePage } from '../pages/IssuePage.js';
import { LogPage } from '../pages/LogPage.js';
import { RequestsPage } from '../pages/RequestsPage.js';
import { SettingsPage } from '../pages/SettingsPage.js';
import { SweepPage } from '../pages/SweepPage.js';
import type { SectionId } from './sections.js';

export interface PageProps {
  status: Status;
  items: ContextItem[];
}

const pages: Record<SectionId, (props: PageProps) => ReactElement> = {
  contexts: ({ status, items }) => <ContextsPage status={status} items={items} />,
  import: ({ status, items }) => <ImportPage status={status} items={items} />,
  issue: ({ items }) => <IssuePage items={items} />,
  requests: () => <RequestsPage />,
  cas: () => <CasPage />,
  log: () => <LogPage />,
  sweep: () => <SweepPage />,
  settings: ({ status }) => <SettingsPage status={status} />,
};

/** The page of the section the sidebar has selected. */
export function SectionPage({ section, ...props }: PageProps & { section: SectionId }) {
  const Page = pages[section];
  return <Page {...props} />;
}

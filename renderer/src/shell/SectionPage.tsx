import type { ReactElement } from 'react';
import type { ContextItem, Status } from '../../../shared/contract/vault-contract.js';
import { ContextsPage } from '../pages/ContextsPage.js';
import { ImportPage } from '../pages/ImportPage.js';
import type { SectionId } from './sections.js';

export interface PageProps {
  status: Status;
  items: ContextItem[];
}

const pages: Record<SectionId, (props: PageProps) => ReactElement> = {
  contexts: ({ status, items }) => <ContextsPage status={status} items={items} />,
  import: ({ status, items }) => <ImportPage status={status} items={items} />,
};

/** The page of the section the sidebar has selected. */
export function SectionPage({ section, ...props }: PageProps & { section: SectionId }) {
  const Page = pages[section];
  return <Page {...props} />;
}

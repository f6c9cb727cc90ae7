/**
 * The app's sections, in sidebar order. Each section is one page; a page registers here and in
 * `SectionPage.tsx`, nowhere else, so adding a flow never touches the shell.
 */
export const sections = [
  { id: 'contexts', label: 'Contexts' },
  { id: 'import', label: 'Import' },
  { id: 'issue', label: 'Issue' },
  { id: 'requests', label: 'Requests' },
  { id: 'cas', label: 'CAs' },
  { id: 'log', label: 'Issuance log' },
  { id: 'sweep', label: 'Find credentials' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly {
  id: string;
  label: string;
}[];

export type SectionId = (typeof sections)[number]['id'];

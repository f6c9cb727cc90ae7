import { Input, Label, SearchField } from 'react-aria-components';

export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <SearchField className="search-box" value={value} onChange={onChange}>
      <Label className="visually-hidden">Search contexts</Label>
      <Input className="search-input" placeholder="Search name, cluster, endpoint, label or role" />
    </SearchField>
  );
}

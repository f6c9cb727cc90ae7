import { Button } from 'react-aria-components';
import type { ContextFilter, ExpiryFilter, SortOrder } from '../lib/context-filters.js';
import { sourceName } from '../lib/source-name.js';

export interface FilterBarProps {
  filter: ContextFilter;
  choices: { roles: string[]; labels: string[]; sources: string[] };
  onChange: (filter: ContextFilter) => void;
  onClear: () => void;
  filtered: boolean;
}

const ANY = '';

/** Role, expiry, label and source filters and the sort order; native selects, labelled, keyboard-ready. */
export function FilterBar({ filter, choices, onChange, onClear, filtered }: FilterBarProps) {
  const pick = (value: string) => (value === ANY ? null : value);
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <Choice
        label="Role"
        value={filter.role ?? ANY}
        options={[[ANY, 'any role'], ...choices.roles.map((role): [string, string] => [role, role])]}
        onChange={(value) => {
          onChange({ ...filter, role: pick(value) });
        }}
      />
      <Choice
        label="Expiry"
        value={filter.expiry}
        options={[
          ['any', 'any'],
          ['expiring', 'expiring soon'],
          ['expired', 'expired'],
        ]}
        onChange={(value) => {
          onChange({ ...filter, expiry: value as ExpiryFilter });
        }}
      />
      {choices.labels.length > 0 && (
        <Choice
          label="Label"
          value={filter.label ?? ANY}
          options={[[ANY, 'any label'], ...choices.labels.map((label): [string, string] => [label, label])]}
          onChange={(value) => {
            onChange({ ...filter, label: pick(value) });
          }}
        />
      )}
      <Choice
        label="Source"
        value={filter.source ?? ANY}
        options={[
          [ANY, 'any source'],
          ...choices.sources.map((source): [string, string] => [source, sourceName(source)]),
        ]}
        onChange={(value) => {
          onChange({ ...filter, source: pick(value) });
        }}
      />
      <Choice
        label="Sort by"
        value={filter.sort}
        options={[
          ['name', 'name'],
          ['expiry', 'expiry'],
          ['last-used', 'last used'],
        ]}
        onChange={(value) => {
          onChange({ ...filter, sort: value as SortOrder });
        }}
      />
      {filtered && (
        <Button className="button button-link" onPress={onClear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

function Choice(props: {
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
}) {
  const id = `filter-${props.label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <span className="filter-choice">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="select"
        value={props.value}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

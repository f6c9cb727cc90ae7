import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import type { ImportPreview, ImportPreviewItem } from '../../../shared/contract/import-preview.js';
import { defaultChoice, describeChoice, type RowChoice } from '../lib/import-choices.js';
import { sourceName } from '../lib/source-name.js';
import { RoleBadges } from './RoleBadges.js';

export interface MergePreviewProps {
  preview: ImportPreview;
  choices: ReadonlyMap<string, RowChoice>;
  problems: ReadonlyMap<string, string>;
  onChoose: (key: string, choice: RowChoice) => void;
}

const ROW_HEIGHT = 92;

/** Every incoming context with what will happen to it, each adjustable; virtual for 1,000-context files. */
export function MergePreview({ preview, choices, problems, onChoose }: MergePreviewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: preview.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => preview.items[index]?.key ?? index,
    overscan: 6,
  });
  return (
    <div ref={scrollRef} className="merge-preview" role="region" aria-label="Merge preview">
      <div className="context-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = preview.items[row.index];
          if (item === undefined) return null;
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="context-list-slot"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <PreviewRow
                item={item}
                source={preview.sources[item.source]?.label ?? ''}
                choice={choices.get(item.key) ?? defaultChoice(item)}
                problem={problems.get(item.key) ?? null}
                onChoose={(choice) => {
                  onChoose(item.key, choice);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function PreviewRow(props: {
  item: ImportPreviewItem;
  source: string;
  choice: RowChoice;
  problem: string | null;
  onChoose: (choice: RowChoice) => void;
}) {
  const { item, choice, problem, onChoose } = props;
  const id = `preview-${encodeURIComponent(item.key)}`;
  const serious = item.report.findings.filter((finding) => finding.severity !== 'info');
  const suggestedName = item.suggestion.action === 'skip' ? item.from : item.suggestion.to;
  return (
    <article
      className={problem === null ? 'preview-row' : 'preview-row has-problem'}
      aria-labelledby={`${id}-name`}
    >
      <div className="preview-main">
        <div className="context-title">
          <h3 id={`${id}-name`} className="context-name">
            {item.from}
          </h3>
          <span className={`badge badge-action action-${choice.action}`}>{describeChoice(item, choice)}</span>
        </div>
        <div className="context-facts">
          <RoleBadges roles={item.report.cert?.roles ?? []} />
          <span className="context-endpoints">{item.report.endpoints.join(', ') || 'no endpoints'}</span>
          <span className="muted preview-source" title={props.source}>
            {sourceName(props.source)}
          </span>
        </div>
        {serious.length > 0 && (
          <ul className="preview-findings" aria-label={`Findings of ${item.from}`}>
            {serious.map((finding) => (
              <li
                key={finding.code}
                className={`tone-${finding.severity === 'error' ? 'expired' : 'soon'}`}
                title={finding.message}
              >
                {finding.code}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="preview-choice">
        <label className="visually-hidden" htmlFor={`${id}-action`}>
          What to do with {item.from}
        </label>
        <select
          id={`${id}-action`}
          className="select"
          value={choice.action}
          onChange={(event) => {
            const action = event.target.value;
            onChoose(
              action === 'add'
                ? { action: 'add', to: suggestedName }
                : action === 'replace'
                  ? { action: 'replace' }
                  : { action: 'skip' },
            );
          }}
        >
          <option value="add">{item.nameTaken ? 'Store under another name' : 'Add'}</option>
          {item.nameTaken && <option value="replace">Replace {item.from}</option>}
          <option value="skip">Skip</option>
        </select>
        {choice.action === 'add' && (
          <TextField
            className="field"
            value={choice.to}
            onChange={(to) => {
              onChoose({ action: 'add', to });
            }}
            isInvalid={problem !== null}
          >
            <Label className="visually-hidden">Name for {item.from}</Label>
            <Input className="text-input" />
          </TextField>
        )}
        {problem !== null && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </article>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { groupByCluster } from '../lib/group-contexts.js';
import { listRows, type ListRow } from '../lib/list-rows.js';
import { ContextRow } from './ContextRow.js';

export interface ContextListProps {
  items: readonly ContextItem[];
  now: Date;
  switching: string | null;
  onSwitch: (name: string) => void;
  onOpen: (name: string) => void;
}

// Estimates only: rows are measured once drawn, so a wrapped row on a narrow window still fits.
const HEADING_HEIGHT = 44;
const ROW_HEIGHT = 76;

/**
 * The contexts grouped by cluster. Virtual (DESIGN.md: 2,000+ rows): only the rows in view are in the
 * document, so a keystroke in the search box re-renders a screenful, not the vault.
 */
export const ContextList = memo(function ContextList({
  items,
  now,
  switching,
  onSwitch,
  onOpen,
}: ContextListProps) {
  const rows = useMemo(() => listRows(groupByCluster(items)), [items]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  });

  return (
    <div ref={scrollRef} className="context-list" role="region" aria-label="Contexts">
      <div className="context-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtualRow) => {
          const row = rows[virtualRow.index];
          if (row === undefined) return null;
          return (
            <div
              key={virtualRow.key}
              ref={virtualizer.measureElement}
              data-index={virtualRow.index}
              className="context-list-slot"
              style={{ transform: `translateY(${virtualRow.start}px)` }}
            >
              <Row row={row} now={now} switching={switching} onSwitch={onSwitch} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </div>
  );
});

function Row({ row, ...rest }: { row: ListRow } & Omit<ContextListProps, 'items'>) {
  switch (row.kind) {
    case 'heading':
      return (
        <h2 className="group-heading">
          {row.title} <span className="group-count">{row.count}</span>
        </h2>
      );
    case 'context':
      return <ContextRow item={row.item} {...rest} />;
  }
}

import { memo } from 'react';
import { Button, Link } from 'react-aria-components';
import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { expiryWords } from '../lib/expiry-words.js';
import { LifetimeBar } from './LifetimeBar.js';
import { RoleBadges } from './RoleBadges.js';

export interface ContextRowProps {
  item: ContextItem;
  now: Date;
  /** The context a switch is under way to, if any: every switch button waits for it. */
  switching: string | null;
  onSwitch: (name: string) => void;
  onOpen: (name: string) => void;
}

/**
 * Memoized: a keystroke in the search box re-renders the list, and rows still in view with the same item
 * (query results are immutable) need not render again (DESIGN.md: a keystroke within a frame).
 */
export const ContextRow = memo(function ContextRow({
  item,
  now,
  switching,
  onSwitch,
  onOpen,
}: ContextRowProps) {
  const expiry = expiryWords(item, now);
  const problems = item.findings.filter((finding) => finding.severity === 'error').length;
  const endpoints = item.endpoints.join(', ');
  const titleId = `context-${encodeURIComponent(item.name)}`;
  return (
    <article className={item.current ? 'context-row is-current' : 'context-row'} aria-labelledby={titleId}>
      <div className="context-main">
        <div className="context-title">
          <h3 id={titleId} className="context-name">
            <Link
              className="context-open"
              aria-label={item.name}
              onPress={() => {
                onOpen(item.name);
              }}
            >
              {item.name}
            </Link>
          </h3>
          {item.current && <span className="badge badge-current">Current</span>}
          {problems > 0 && (
            <span className="badge badge-problem">
              {problems} {problems === 1 ? 'problem' : 'problems'}
            </span>
          )}
        </div>
        <div className="context-facts">
          <RoleBadges roles={item.cert?.roles ?? []} />
          <span className="context-endpoints" title={endpoints}>
            {endpoints === '' ? 'no endpoints' : endpoints}
          </span>
          <span className={`context-expiry tone-${expiry.tone}`}>
            {item.cert !== null && <LifetimeBar cert={item.cert} now={now} tone={expiry.tone} />}
            {expiry.text}
          </span>
        </div>
      </div>
      {/* The slot keeps its width on the current row, so every row's expiry lines up. */}
      <div className="row-action">
        {!item.current && (
          <Button
            className="button button-switch"
            aria-label={`Switch to ${item.name}`}
            isDisabled={switching !== null}
            onPress={() => {
              onSwitch(item.name);
            }}
          >
            {switching === item.name ? 'Switching…' : 'Switch'}
          </Button>
        )}
      </div>
    </article>
  );
});

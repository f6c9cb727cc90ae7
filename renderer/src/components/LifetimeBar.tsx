import type { CertFacts } from '../../../shared/context-report.js';
import type { ExpiryTone } from '../lib/expiry-words.js';
import { lifetimeLeft } from '../lib/lifetime.js';

/** The share of the certificate's lifetime still ahead; the words beside it say the same for everyone. */
export function LifetimeBar({ cert, now, tone }: { cert: CertFacts; now: Date; tone: ExpiryTone }) {
  const left = Math.round(lifetimeLeft(cert, now) * 100);
  return (
    <span className="lifetime" aria-hidden="true" title={`${left}% of its lifetime left`}>
      <span className={`lifetime-fill fill-${tone}`} style={{ width: `${left}%` }} />
    </span>
  );
}

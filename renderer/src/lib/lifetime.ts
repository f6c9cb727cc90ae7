import type { CertFacts } from '../../../shared/context-report.js';

/** How much of the certificate's lifetime is left, 0 to 1 (0 once expired, 1 before it is valid). */
export function lifetimeLeft(cert: Pick<CertFacts, 'notBefore' | 'notAfter'>, now: Date): number {
  const start = Date.parse(cert.notBefore);
  const end = Date.parse(cert.notAfter);
  if (!(end > start)) return 0;
  return Math.min(1, Math.max(0, (end - now.getTime()) / (end - start)));
}

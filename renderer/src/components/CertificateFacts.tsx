import type { ContextItem } from '../../../shared/contract/vault-contract.js';

const dateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** The client certificate as the vault read it: identity, validity, key and usage. */
export function CertificateFacts({ item }: { item: ContextItem }) {
  const { cert } = item;
  if (cert === null) {
    return (
      <p className="muted">
        No client certificate: this context authenticates with {item.auth === 'none' ? 'nothing' : item.auth}.
      </p>
    );
  }
  const rows: [string, string][] = [
    ['Subject', cert.subject],
    ['Issuer', cert.issuer],
    ['Serial', cert.serial],
    ['Valid from', dateTime(cert.notBefore)],
    ['Valid until', dateTime(cert.notAfter)],
    ['Key type', cert.keyType],
    ['SHA-256 fingerprint', cert.fingerprintSha256],
    ['Extended key usage', cert.extKeyUsage.length === 0 ? 'none' : cert.extKeyUsage.join(', ')],
    [
      'Cluster CA',
      item.ca.map((ca) => `${ca.subject} (until ${ca.notAfter.slice(0, 10)})`).join('; ') || 'system roots',
    ],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={term === 'Serial' || term === 'SHA-256 fingerprint' ? 'mono breakable' : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

import type { ContextItem } from '../../shared/contract/vault-contract.js';
import { contextItem } from '../../tests/support/context-items.js';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A vault an operator might have: two clusters, a hand-made context, one expiring, one expired. */
export function sampleContexts(): ContextItem[] {
  return [
    contextItem('prod', {
      cluster: 'prod',
      roles: ['os:admin'],
      endpoints: ['10.20.0.11', '10.20.0.12', '10.20.0.13'],
      notAfter: inDays(330),
      findings: [{ code: 'admin-role', severity: 'info', message: 'os:admin allows every API' }],
    }),
    contextItem('reader@prod', {
      cluster: 'prod',
      roles: ['os:reader'],
      endpoints: ['10.20.0.11', '10.20.0.12', '10.20.0.13'],
      notAfter: inDays(6),
      current: true,
      findings: [{ code: 'cert-expiring-soon', severity: 'warning', message: 'expires in 6 days' }],
      labels: { team: 'sre' },
    }),
    contextItem('backup@prod', {
      cluster: 'prod',
      roles: ['os:etcd:backup', 'os:reader'],
      endpoints: ['10.20.0.11'],
      notAfter: inDays(60),
    }),
    contextItem('staging', {
      cluster: 'staging',
      roles: ['os:operator'],
      endpoints: ['192.168.50.10'],
      notAfter: inDays(200),
    }),
    contextItem('impersonate@staging', {
      cluster: 'staging',
      roles: ['os:impersonator'],
      endpoints: ['192.168.50.10'],
      notAfter: inDays(1 / 24),
    }),
    contextItem('homelab', {
      cluster: null,
      roles: ['os:admin'],
      endpoints: ['172.20.1.2'],
      notAfter: inDays(-3),
      findings: [
        { code: 'cert-expired', severity: 'error', message: 'expired' },
        { code: 'eku-not-client-auth-only', severity: 'error', message: 'serverAuth too' },
      ],
    }),
  ];
}

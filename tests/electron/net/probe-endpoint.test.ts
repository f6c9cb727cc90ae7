import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint, type ProbeInput } from '../../../electron/net/probe-endpoint.js';
import { issueClientCertificate } from '../../../electron/pki/issue-certificate.js';
import { readPrivateKeyPem } from '../../../electron/pki/private-key.js';
import { x509 } from '../../support/x509.js';
import { freePort } from '../../support/free-port.js';
import { createTalosLikeCa, createTestLeaf, type TestCa } from '../pki/talos-like-ca.js';
import { CLIENT_AUTH_OID, startTalosLikeServer, type TalosLikeServer } from './talos-like-server.js';

interface Credentials {
  certPem: string;
  keyPem: string;
}

const DAY = 86_400;

/** A plain mTLS client: 'accepted' when the server sends its first bytes, else the error or 'closed'. */
function mtlsConnect(port: number, ca: string, client: Credentials): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      ca,
      cert: client.certPem,
      key: readPrivateKeyPem(client.keyPem).export({ type: 'pkcs8', format: 'pem' }),
      minVersion: 'TLSv1.3',
    });
    const finish = (outcome: string): void => {
      socket.destroy();
      resolve(outcome);
    };
    socket.on('data', () => {
      finish('accepted');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code ?? error.message);
    });
    socket.on('close', () => {
      finish('closed');
    });
  });
}

let ca: TestCa;
let otherCa: TestCa;
let server: TalosLikeServer;
let good: Credentials;
let foreign: Credentials;
let expired: Credentials;
let serverAndClient: Credentials;

beforeAll(async () => {
  const notBefore = new Date(Date.now() - 60 * DAY * 1000); // old enough to have issued the expired certificate
  [ca, otherCa] = await Promise.all([
    createTalosLikeCa('ed25519', { notBefore }),
    createTalosLikeCa('ed25519'),
  ]);
  server = await startTalosLikeServer(ca);
  const issue = (from: TestCa, now: Date, ttlSeconds: number): Promise<Credentials> =>
    issueClientCertificate({
      caCertPem: from.certPem,
      caKeyPem: from.keyPem,
      roles: ['os:reader', 'os:etcd:backup'],
      ttlSeconds,
      now,
    }).then((issued) => ({ certPem: issued.certPem, keyPem: issued.keyPem ?? '' }));
  [good, foreign, expired, serverAndClient] = await Promise.all([
    issue(ca, new Date(), DAY),
    issue(otherCa, new Date(), DAY),
    issue(ca, new Date(Date.now() - 30 * DAY * 1000), DAY),
    // What talosctl generated before 1.6: serverAuth + clientAuth. Talos 1.12+ refuses it.
    createTestLeaf(ca, {
      usages: [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
      organizations: ['os:admin'],
    }),
  ]);
});

afterAll(async () => {
  await server.close();
});

describe('a real mTLS handshake with a Talos-like server', () => {
  it('accepts the issued client certificate and reads its roles and exact extended key usage', async () => {
    const before = server.peers.length;
    expect(await mtlsConnect(server.port, ca.certPem, good)).toBe('accepted');
    expect(server.peers.slice(before)).toEqual([
      { accepted: true, roles: ['os:etcd:backup', 'os:reader'], extKeyUsage: [CLIENT_AUTH_OID] },
    ]);
  });

  it.each([
    ['from another CA', () => foreign],
    ['that has expired', () => expired],
  ])('refuses a certificate %s during the handshake', async (_case, credentials) => {
    const [peers, refusals] = [server.peers.length, server.refusals.length];
    expect(await mtlsConnect(server.port, ca.certPem, credentials())).not.toBe('accepted');
    expect(server.peers.length).toBe(peers);
    expect(server.refusals.length).toBe(refusals + 1);
  });

  it('refuses a serverAuth + clientAuth certificate the way Talos 1.12 does, though its chain is fine', async () => {
    const before = server.peers.length;
    expect(await mtlsConnect(server.port, ca.certPem, serverAndClient)).not.toBe('accepted');
    expect(server.peers.slice(before)).toEqual([
      { accepted: false, roles: ['os:admin'], extKeyUsage: ['1.3.6.1.5.5.7.3.1', CLIENT_AUTH_OID] },
    ]);
  });
});

describe('probeEndpoint', () => {
  const input = (overrides: Partial<ProbeInput>): ProbeInput => ({
    endpoint: `127.0.0.1:${server.port}`,
    ca: ca.certPem,
    cert: good.certPem,
    key: good.keyPem,
    timeoutMs: 5_000,
    ...overrides,
  });

  it('reports a working endpoint with the server certificate', async () => {
    const result = await probeEndpoint(input({ endpoint: `https://127.0.0.1:${server.port}/` }));
    expect(result).toMatchObject({
      host: '127.0.0.1',
      port: server.port,
      reachable: true,
      tls: 'ok',
      findings: [],
    });
    expect(result.serverCert?.notAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('reports a closed port as unreachable', async () => {
    const port = await freePort();
    const result = await probeEndpoint(input({ endpoint: `127.0.0.1:${port}` }));
    expect(result).toMatchObject({ reachable: false, tls: 'failed' });
    expect(result.findings).toEqual([
      { code: 'unreachable', message: expect.stringContaining('connection refused') as string },
    ]);
  });

  it('reports a server certificate the context CA does not trust', async () => {
    const result = await probeEndpoint(input({ ca: otherCa.certPem }));
    expect(result.reachable).toBe(true);
    expect(result.findings.map((finding) => finding.code)).toEqual(['server-cert-untrusted']);
    expect(result.findings[0]?.message).toContain('not signed by the CA in this context');
  });

  it.each([
    ['from another CA', () => foreign],
    ['that has expired', () => expired],
    ['with serverAuth + clientAuth', () => serverAndClient],
  ])('reports a client certificate %s that the node refuses', async (_case, credentials) => {
    const { certPem, keyPem } = credentials();
    const result = await probeEndpoint(input({ cert: certPem, key: keyPem }));
    expect(result).toMatchObject({ reachable: true, tls: 'failed' });
    expect(result.findings.map((finding) => finding.code)).toEqual(['tls-handshake-failed']);
    // Node closes without an alert; the alert-specific wording is checked against OpenSSL's s_server below.
    expect(result.findings[0]?.message).toContain('refused the client certificate');
  });

  it('reports a server certificate that does not name the endpoint', async () => {
    const elsewhere = await startTalosLikeServer(ca, ['10.5.0.2']);
    try {
      const result = await probeEndpoint(input({ endpoint: `127.0.0.1:${elsewhere.port}` }));
      expect(result.findings.map((finding) => finding.code)).toEqual(['server-name-mismatch']);
      expect(result.tls).toBe('failed');
    } finally {
      await elsewhere.close();
    }
  });

  it('reports a malformed endpoint without connecting anywhere', async () => {
    const result = await probeEndpoint(input({ endpoint: '10.0.0.1:50000:1' }));
    expect(result).toMatchObject({ reachable: false, tls: 'failed', host: '', port: 0 });
    expect(result.findings.map((finding) => finding.code)).toEqual(['invalid-endpoint']);
  });
});

// A server that refuses client certificates with TLS alerts, as Go's crypto/tls (and so Talos's apid) does:
// OpenSSL's s_server with mandatory client verification. Node's own TLS server just closes instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint } from '../../../electron/net/probe-endpoint.js';
import { issueClientCertificate } from '../../../electron/pki/issue-certificate.js';
import { x509 } from '../../support/x509.js';
import { freePort } from '../../support/free-port.js';
import { createTalosLikeCa, createTestLeaf, type TestCa } from '../pki/talos-like-ca.js';

const DAY = 86_400;

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

let dir: string;
let ca: TestCa;
let port: number;
let opensslServer: ChildProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tcm-s-server-'));
  ca = await createTalosLikeCa('ed25519', { notBefore: new Date(Date.now() - 60 * DAY * 1000) });
  const serverCert = await createTestLeaf(ca, {
    usages: [x509.ExtendedKeyUsage.serverAuth],
    ipAddresses: ['127.0.0.1'],
  });
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  writeFileSync(join(dir, 'server.pem'), serverCert.certPem);
  writeFileSync(join(dir, 'server.key'), serverCert.keyPem, { mode: 0o600 });
  port = await freePort();
  opensslServer = spawn(
    'openssl',
    [
      's_server',
      '-quiet',
      '-accept',
      `127.0.0.1:${port}`,
      '-tls1_3',
      '-cert',
      join(dir, 'server.pem'),
      '-key',
      join(dir, 'server.key'),
      '-CAfile',
      join(dir, 'ca.pem'),
      '-Verify',
      '1',
      '-verify_return_error',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // s_server prints nothing in -quiet mode: wait until the port answers.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await portAnswers(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(() => {
  opensslServer.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('probeEndpoint against a server that answers with TLS alerts', () => {
  it.each([
    ['from another CA', true, 0, 'does not trust the CA that signed the client certificate'],
    ['that has expired', false, -30, 'client certificate has expired'],
  ])('names the refusal of a client certificate %s', async (_case, foreign, daysAgo, words) => {
    const issuer = foreign ? await createTalosLikeCa('ed25519') : ca;
    const issued = await issueClientCertificate({
      caCertPem: issuer.certPem,
      caKeyPem: issuer.keyPem,
      roles: ['os:reader'],
      ttlSeconds: DAY,
      now: new Date(Date.now() + daysAgo * DAY * 1000),
    });
    const result = await probeEndpoint({
      endpoint: `127.0.0.1:${port}`,
      ca: ca.certPem,
      cert: issued.certPem,
      key: issued.keyPem ?? '',
      timeoutMs: 5_000,
    });
    expect(result.findings.map((finding) => finding.code)).toEqual(['tls-handshake-failed']);
    expect(result.findings[0]?.message).toContain(words);
  });
});

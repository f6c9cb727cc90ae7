import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { issueClientCertificate } from '../electron/pki/issue-certificate.js';
import { readOsCaFromYaml } from '../electron/pki/os-ca.js';
import { figure, type Figure } from './measure.js';

const COUNT = 1000;

/** DESIGN.md: an Ed25519 client certificate in <= 5 ms, with the ratio to raw keygen + sign reported. */
export async function benchIssue(): Promise<Figure> {
  const now = new Date();
  // The real OS CA of Talos's own test data (tests/fixtures/talos), valid until 2033.
  const ca = readOsCaFromYaml(
    readFileSync('tests/fixtures/talos/secrets-talos-generate-testdata.yaml', 'utf8'),
    'secrets.yaml',
    now,
  );
  const input = { caCertPem: ca.certPem, caKeyPem: ca.keyPem, roles: ['os:reader'], ttlSeconds: 86_400, now };
  await issueClientCertificate(input);
  let start = process.hrtime.bigint();
  for (let index = 0; index < COUNT; index++) await issueClientCertificate(input);
  const value = Number(process.hrtime.bigint() - start) / 1e6 / COUNT;

  const caKey = generateKeyPairSync('ed25519').privateKey;
  const tbs = randomBytes(300); // about the size of a Talos client certificate's TBSCertificate
  start = process.hrtime.bigint();
  for (let index = 0; index < COUNT; index++) {
    generateKeyPairSync('ed25519');
    sign(null, tbs, caKey);
  }
  const floor = Number(process.hrtime.bigint() - start) / 1e6 / COUNT;
  return figure('issue-ed25519-certificate', value, floor, 'ms', 5, 'value');
}

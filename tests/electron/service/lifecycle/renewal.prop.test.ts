import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { certificateNames } from '../../../../electron/pki/certificate-names.js';
import { decodeBase64Field } from '../../../../electron/pki/pem.js';
import { pathRef } from '../../../../shared/contract/file-ref.js';
import type { VaultContext } from '../../../../shared/vault/vault-document.js';
import {
  createTestCa,
  createTestLeaf,
  mtlsContext,
  type TestCertificate,
} from '../../../support/test-pki.js';
import { serviceHarness, type ServiceHarness } from '../service-harness.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The harness's clock is 2026-11-24T10:15Z; the CA must be valid then.
const harnessNow = new Date('2026-11-24T10:15:00.123Z');
const day = 86_400_000;

let harness: ServiceHarness;
let ca: TestCertificate;
beforeAll(async () => {
  harness = await serviceHarness();
  ca = await createTestCa({
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2031-01-01T00:00:00Z'),
  });
  const certFile = join(harness.root, 'ca.pem');
  const keyFile = join(harness.root, 'ca.key');
  await writeFile(certFile, ca.certPem);
  await writeFile(keyFile, ca.keyPem);
  await harness.services.issuing.importCa({
    name: 'prod',
    source: { kind: 'pem', cert: pathRef(certFile), key: pathRef(keyFile) },
  });
});
afterAll(async () => {
  await harness.cleanup();
});

/**
 * A name value the test certificate generator writes as given: it reads RFC 4514's special characters
 * (a leading "#" as hex, quotes, escapes), so none is drawn; everything else, non-ASCII included, is.
 */
function nameValue(maxLength: number) {
  return fc
    .string({ minLength: 1, maxLength })
    .filter((text) => text.trim() !== '' && !/["#\\+,;<>=]/.test(text));
}

/** O values as certificates carry them: known roles, unknown ones, odd spellings; at least one role. */
const organization = fc.oneof(
  fc.constantFrom('os:admin', 'os:operator', 'os:reader', 'os:etcd:backup', 'os:impersonator'),
  fc.stringMatching(/^[a-z][a-z0-9:._-]{0,20}$/),
  nameValue(12),
);
const address = fc.constantFrom('10.0.0.1', '10.0.0.2:50000', 'cp-1.example.org', '[fd00::1]:50000');

const credential = fc.record({
  organizations: fc.array(organization, { minLength: 1, maxLength: 4 }),
  rolesAs: fc.constantFrom('multi-valued-rdn' as const, 'separate-rdns' as const),
  commonName: fc.option(nameValue(20), { nil: undefined }),
  endpoints: fc.uniqueArray(address, { maxLength: 3 }),
  nodes: fc.uniqueArray(address, { maxLength: 3 }),
  labels: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.string({ maxLength: 12 }), {
    maxKeys: 3,
  }),
  note: fc.string({ maxLength: 40 }),
  lifetimeDays: fc.integer({ min: 1, max: 200 }),
});

function leafOf(entry: VaultContext): X509Certificate {
  return new X509Certificate(decodeBase64Field(entry.context.crt));
}

let counter = 0;
describe('renewal (property)', () => {
  it('keeps roles, identity, endpoints, nodes, labels and note for arbitrary contexts', async () => {
    await fc.assert(
      fc.asyncProperty(credential, async (input) => {
        const name = `ctx-${++counter}`;
        const leaf = await createTestLeaf(ca, {
          roles: input.organizations,
          rolesAs: input.rolesAs,
          ...(input.commonName === undefined ? {} : { commonName: input.commonName }),
          notBefore: new Date(harnessNow.getTime() - day),
          notAfter: new Date(harnessNow.getTime() + (input.lifetimeDays - 1) * day),
        });
        const context = mtlsContext(
          name,
          { ca: ca.certPem, crt: leaf.certPem, key: leaf.keyPem },
          { endpoints: input.endpoints, nodes: input.nodes },
        );
        await harness.edit((document) => ({
          ...document,
          contexts: [
            ...document.contexts,
            {
              context,
              meta: {
                source: 'test',
                importedAt: harnessNow.toISOString(),
                lastUsed: null,
                labels: input.labels,
                note: input.note,
              },
            },
          ],
        }));
        const before = (await harness.readVault()).contexts.find((entry) => entry.context.name === name);
        await harness.services.lifecycle.renew({ names: [name], allowAdmin: true });
        const after = (await harness.readVault()).contexts.find((entry) => entry.context.name === name);
        if (before === undefined || after === undefined) throw new Error('context lost');

        const oldCert = leafOf(before);
        const newCert = leafOf(after);
        expect(certificateNames(newCert, 'new').organizations).toEqual(
          certificateNames(oldCert, 'old').organizations,
        );
        expect(newCert.subject).toBe(oldCert.subject);
        expect(newCert.serialNumber).not.toBe(oldCert.serialNumber);
        expect(after.context.key).not.toBe(before.context.key);
        expect(newCert.checkIssued(ca.cert) && newCert.verify(ca.cert.publicKey)).toBe(true);
        expect(after.context.endpoints).toEqual(before.context.endpoints);
        expect(after.context.nodes).toEqual(before.context.nodes);
        expect(after.context.ca).toBe(before.context.ca);
        expect(after.meta).toEqual(before.meta);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

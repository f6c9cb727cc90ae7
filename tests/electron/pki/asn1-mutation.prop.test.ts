import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateFacts, readCertificates } from '../../../electron/pki/certificate-facts.js';
import { caSigningFields } from '../../../electron/pki/certificate-fields.js';
import { readCsr } from '../../../electron/pki/csr.js';
import { PkiError } from '../../../electron/pki/pki-error.js';
import { derToPem, fixtureCertificates, fixtureCsrs, type DerFixture } from '../../support/der-fixtures.js';
import { mutate, mutations } from '../../support/der-mutation.js';

// Certificate requests from teammates and certificates from files are untrusted bytes. Whatever a mutation
// of a real one does, reading it gives a result or a PkiError, never another exception. A failure prints
// its seed; FC_SEED=<seed> replays the same run.
const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`asn1-mutation.prop.test: fast-check seed ${seed}`);
const RUNS = 50_000;

function readsOrRefuses(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
  }
}

const readCertificateFile = (pem: string): void => {
  for (const cert of readCertificates(pem, 'cert.pem')) {
    certificateFacts(cert);
    caSigningFields(cert.raw, 'cert.pem');
  }
};

function fuzz(fixtures: readonly DerFixture[], label: string, read: (pem: string) => void): void {
  expect(fixtures.length).toBeGreaterThan(0);
  // The unmutated fixtures read cleanly: the fuzz starts from inputs that parse.
  for (const fixture of fixtures) read(derToPem(label, fixture.der));
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), mutations, (fixture, changes) => {
      readsOrRefuses(() => {
        read(derToPem(label, mutate(fixture.der, changes)));
      });
    }),
    { seed, numRuns: RUNS },
  );
}

describe('untrusted ASN.1 under byte-level mutation', () => {
  it(`certificate requests: ${RUNS} mutations of the Go CSR read or give a PkiError`, () => {
    fuzz(fixtureCsrs(), 'CERTIFICATE REQUEST', (pem) => readCsr(pem, 'request.csr'));
  }, 120_000);

  it(`certificates: ${RUNS} mutations of the fixtures' certificates read or give a PkiError`, () => {
    fuzz(fixtureCertificates(), 'CERTIFICATE', readCertificateFile);
  }, 120_000);
});

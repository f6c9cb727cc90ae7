import fc from 'fast-check';
import { certificateFacts, readCertificates } from '../electron/pki/certificate-facts.js';
import { caSigningFields } from '../electron/pki/certificate-fields.js';
import { readCsr } from '../electron/pki/csr.js';
import { PkiError } from '../electron/pki/pki-error.js';
import { derToPem, fixtureCertificates, fixtureCsrs } from '../tests/support/der-fixtures.js';
import { mutate, mutations } from '../tests/support/der-mutation.js';
import { figure, medianMs, type Figure } from './measure.js';

/**
 * Hostile input is refused quickly (DESIGN.md "Errors and bad input"): of many byte-level mutations of the
 * real CSR and certificates (as tests/electron/pki/asn1-mutation.prop.test.ts makes them, fixed seed), the
 * slowest to read, against reading the unmutated input it came from. Reported, not asserted in a test:
 * timings belong here, not in a pass/fail on a shared machine.
 */
const SEED = 20261201;
const SAMPLES = 4000;

interface Reader {
  label: string;
  read: (pem: string) => void;
}

const readers: Reader[] = [
  { label: 'CERTIFICATE REQUEST', read: (pem) => void readCsr(pem, 'request.csr') },
  {
    label: 'CERTIFICATE',
    read: (pem) => {
      for (const cert of readCertificates(pem, 'cert.pem')) {
        certificateFacts(cert);
        caSigningFields(cert.raw, 'cert.pem');
      }
    },
  },
];

function attempt(read: () => void): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
  }
}

export async function benchAsn1Mutations(): Promise<Figure> {
  let slowest = { ms: -1, pem: '', original: '', read: (() => undefined) as (pem: string) => void };
  for (const [index, reader] of readers.entries()) {
    const fixtures =
      reader.label === 'CERTIFICATE'
        ? fixtureCertificates('tests/fixtures/')
        : fixtureCsrs('tests/fixtures/');
    const cases = fc.sample(fc.tuple(fc.constantFrom(...fixtures), mutations), {
      seed: SEED + index,
      numRuns: SAMPLES,
    });
    for (const [fixture, changes] of cases) {
      const pem = derToPem(reader.label, mutate(fixture.der, changes));
      // The fastest of three runs: a GC pause must not make an ordinary input look like the slowest one.
      let ms = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const start = process.hrtime.bigint();
        attempt(() => {
          reader.read(pem);
        });
        ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
      }
      if (ms > slowest.ms)
        slowest = { ms, pem, original: derToPem(reader.label, fixture.der), read: reader.read };
    }
  }
  // Time the slowest input again as a median of many runs, and the unmutated input it came from as the floor.
  const { pem, original, read } = slowest;
  const value = await medianMs(200, () => {
    attempt(() => {
      read(pem);
    });
  });
  const floor = await medianMs(200, () => {
    read(original);
  });
  return figure('asn1-slowest-mutated-parse', value, floor, 'ms', 10);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeClientSubject,
  OID_COMMON_NAME,
  OID_ORGANIZATION,
} from '../../../electron/pki/certificate-der.js';
import { createCsr, readCsr } from '../../../electron/pki/csr.js';
import { readDerChildren, readDerElement, readNameAttributes } from '../../support/der-walk.js';
import { compareBytewise, parseRoles } from '../../../shared/roles/catalog.js';

// Role-like values: printable ones (the usual `os:...`) and arbitrary Unicode (UTF8String in DER).
const role = fc.oneof(
  fc.stringMatching(/^os:[a-z:]{1,20}$/),
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
);

describe('encodeClientSubject (properties)', () => {
  it('reads back every O value and the CN, with the O values in one RDN in DER order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(role, { minLength: 1, maxLength: 8 }),
        fc.option(role, { nil: undefined }),
        (roles, cn) => {
          const subject = encodeClientSubject(roles, cn);
          const attributes = readNameAttributes(subject, 'subject');
          const organizations = attributes
            .filter((entry) => entry.oid === OID_ORGANIZATION)
            .map((entry) => entry.value);
          expect([...organizations].sort(compareBytewise)).toEqual([...roles].sort(compareBytewise));
          expect(attributes.find((entry) => entry.oid === OID_COMMON_NAME)?.value).toBe(cn);

          const rdns = readDerChildren(subject, readDerElement(subject, 0, 'subject'), 'subject');
          expect(rdns).toHaveLength(cn === undefined ? 1 : 2);
          const [organizationRdn] = rdns;
          if (organizationRdn === undefined) throw new Error('no RDN');
          const members = readDerChildren(subject, organizationRdn, 'subject').map((member) =>
            subject.subarray(member.start, member.end),
          );
          expect(members).toEqual([...members].sort((a, b) => Buffer.compare(a, b)));
        },
      ),
    );
  });
});

describe('createCsr and readCsr (properties)', () => {
  it('give back the roles as Talos reads them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(role, { minLength: 1, maxLength: 6 }), async (roles) => {
        fc.pre(parseRoles(roles).length > 0);
        const { csrPem } = await createCsr({ roles });
        expect(readCsr(csrPem).roles).toEqual(parseRoles(roles));
      }),
      { numRuns: 40 },
    );
  });
});

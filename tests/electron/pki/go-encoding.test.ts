// Our hand-written DER against a client certificate Talos itself issued (Go's crypto/x509), from the
// talosconfig fixture: every part our profile shares with it must be byte-identical.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { encodeClientSubject } from '../../../electron/pki/certificate-der.js';
import { buildClientCertificateDer } from '../../../electron/pki/client-certificate-der.js';
import { derOid, derSequence, derTime } from '../../../electron/pki/der.js';
import { certificateDerParts, readDerElement } from '../../support/der-walk.js';

const OID_EXT_KEY_USAGE = '2.5.29.37';

function fixtureClientCert(): X509Certificate {
  const text = readFileSync(
    join(import.meta.dirname, '../../fixtures/talos/talosconfig-admin-2021.yaml'),
    'utf8',
  );
  const config = parse(text) as { contexts: Record<string, { crt: string }> };
  const [context] = Object.values(config.contexts);
  return new X509Certificate(Buffer.from(context?.crt ?? '', 'base64').toString('latin1'));
}

describe('client certificate DER, compared with one Talos issued', () => {
  const talos = fixtureClientCert();
  const theirs = certificateDerParts(talos.raw, 'fixture');
  const authorityKeyId = theirs.extensions.get('2.5.29.35')?.value ?? Buffer.alloc(0);
  const keyId = authorityKeyId.subarray(readDerElement(authorityKeyId, 0, 'aki').contentStart + 2);

  const oursDer = buildClientCertificateDer(
    {
      serial: theirs.serial,
      issuer: theirs.issuer,
      subject: encodeClientSubject(['os:admin']),
      notBefore: new Date(talos.validFrom),
      notAfter: new Date(talos.validTo),
      subjectPublicKeyInfo: theirs.subjectPublicKeyInfo,
      authorityKeyId: keyId,
    },
    // The signature cannot match (no key); only the algorithm identifier is compared.
    { algorithmIdentifier: derSequence([derOid('1.3.101.112')]), sign: () => Buffer.alloc(64) },
  );
  const ours = certificateDerParts(oursDer, 'ours');

  it('writes the subject O=os:admin byte for byte as Go does', () => {
    expect(ours.subject.toString('hex')).toBe(theirs.subject.toString('hex'));
  });

  it('writes the validity as Go does (UTCTime, whole seconds)', () => {
    expect(ours.validity.toString('hex')).toBe(theirs.validity.toString('hex'));
    expect(derSequence([derTime(new Date(talos.validFrom)), derTime(new Date(talos.validTo))])).toEqual(
      theirs.validity,
    );
  });

  it('writes the extensions in Go order, KeyUsage and AKI byte for byte', () => {
    expect([...ours.extensions.keys()]).toEqual([...theirs.extensions.keys()]);
    expect(ours.extensions.get('2.5.29.15')).toEqual(theirs.extensions.get('2.5.29.15'));
    expect(ours.extensions.get('2.5.29.35')).toEqual(theirs.extensions.get('2.5.29.35'));
  });

  it('differs only where the profile changed: ExtKeyUsage is exactly clientAuth now', () => {
    expect(ours.extensions.get(OID_EXT_KEY_USAGE)?.value.toString('hex')).toBe('300a06082b06010505070302');
    expect(theirs.extensions.get(OID_EXT_KEY_USAGE)?.value.toString('hex')).toBe(
      '301406082b0601050507030106082b06010505070302',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Field, encodeBase64Field, encodePem, parsePem } from '../../../electron/pki/pem.js';
import { PkiError } from '../../../electron/pki/pki-error.js';

const label = fc.constantFrom(
  'CERTIFICATE',
  'PRIVATE KEY',
  'ED25519 PRIVATE KEY',
  'EC PRIVATE KEY',
  'RSA PRIVATE KEY',
);
const body = fc.uint8Array({ minLength: 1, maxLength: 600 });

describe('pem properties', () => {
  it('parsePem reads back every block encodePem wrote, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(label, body), { minLength: 1, maxLength: 4 }), (blocks) => {
        const text = blocks.map(([name, der]) => encodePem(name, der)).join('');
        const read = parsePem(text);
        expect(read.map((block) => [block.label, new Uint8Array(block.der)])).toEqual(blocks);
      }),
    );
  });

  it('a talosconfig field round-trips through base64', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 400 }), (text) => {
        expect(decodeBase64Field(encodeBase64Field(text))).toBe(text);
      }),
    );
  });

  it('any string either decodes or fails with invalid-base64, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          decodeBase64Field(text);
        } catch (error) {
          expect(error).toBeInstanceOf(PkiError);
          expect((error as PkiError).code).toBe('invalid-base64');
        }
      }),
    );
  });

  it('any text either parses or fails with invalid-pem', () => {
    const pemish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.tuple(label, body, fc.nat(400)).map(([name, der, cut]) => encodePem(name, der).slice(0, cut)),
    );
    fc.assert(
      fc.property(pemish, (text) => {
        try {
          parsePem(text);
        } catch (error) {
          expect(error).toBeInstanceOf(PkiError);
          expect((error as PkiError).code).toBe('invalid-pem');
        }
      }),
    );
  });
});

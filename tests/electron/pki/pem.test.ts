import { describe, expect, it } from 'vitest';
import { decodeBase64Field, encodeBase64Field, encodePem, parsePem } from '../../../electron/pki/pem.js';
import { PkiError } from '../../../electron/pki/pki-error.js';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof PkiError) return error.code;
    throw error;
  }
  return 'no error';
}

const pemText = encodePem(
  'CERTIFICATE',
  Buffer.from('a certificate body that is long enough to wrap over lines'),
);

describe('decodeBase64Field', () => {
  it('decodes the padded standard base64 talosctl writes', () => {
    expect(decodeBase64Field(encodeBase64Field(pemText))).toBe(pemText);
    expect(decodeBase64Field('')).toBe('');
  });

  it('ignores line breaks, as Go does when talosctl reads the field', () => {
    const wrapped = (encodeBase64Field(pemText).match(/.{1,76}/g) ?? []).join('\r\n');
    expect(decodeBase64Field(wrapped)).toBe(pemText);
  });

  it.each([
    ['a character outside the alphabet', 'LS0t*S1C'],
    ['URL-safe base64', 'LS0t_S1C'],
    ['missing padding', 'LS0tLS1'],
    ['too much padding', 'LS0=='],
    ['padding in the middle', 'LS==LS1C'],
    ['spaces', 'LS0t LS1C'],
    ['PEM text instead of base64', '-----BEGIN CERTIFICATE-----'],
  ])('refuses %s, naming the field', (_why, value) => {
    expect(codeOf(() => decodeBase64Field(value, 'contexts.prod.crt'))).toBe('invalid-base64');
    expect(() => decodeBase64Field(value, 'contexts.prod.crt')).toThrow(
      /^contexts\.prod\.crt: not valid base64 — re-export the talosconfig or re-import it$/,
    );
  });
});

describe('parsePem', () => {
  it('splits several blocks and ignores the text around them', () => {
    const second = encodePem('EC PRIVATE KEY', Buffer.from([1, 2, 3]));
    const blocks = parsePem(`Certificate:\n  some dump\n${pemText}\nbetween\n${second}trailer`);
    expect(blocks.map((block) => block.label)).toEqual(['CERTIFICATE', 'EC PRIVATE KEY']);
    expect(blocks[1]?.der).toEqual(Buffer.from([1, 2, 3]));
  });

  it('reads CRLF line endings and surrounding spaces', () => {
    const crlf = pemText.replaceAll('\n', '\r\n');
    expect(parsePem(`  ${crlf}`)[0]?.der.toString()).toContain('a certificate body');
  });

  it('keeps RFC 1421 headers (how legacy encrypted keys are marked)', () => {
    const text =
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAEC\n-----END RSA PRIVATE KEY-----\n';
    expect(parsePem(text)[0]).toMatchObject({
      headers: { 'Proc-Type': '4,ENCRYPTED' },
      der: Buffer.from([0, 1, 2]),
    });
  });

  it.each([
    ['no block at all', 'hello'],
    ['a block cut off before its END line', pemText.slice(0, -30)],
    ['an END line with another label', pemText.replace('END CERTIFICATE', 'END PRIVATE KEY')],
    ['a damaged body', pemText.replace(/\n[A-Za-z]/, '\n!')],
    ['an empty body', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n'],
  ])('refuses %s as invalid-pem', (_why, text) => {
    expect(codeOf(() => parsePem(text))).toBe('invalid-pem');
  });
});

describe('encodePem', () => {
  it('writes 64-character lines and a final newline, as Go and OpenSSL do', () => {
    const lines = encodePem('CERTIFICATE', Buffer.alloc(100, 7)).split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----');
    expect(lines.at(-1)).toBe('');
  });
});

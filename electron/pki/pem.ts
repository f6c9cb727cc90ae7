import { PkiError } from './pki-error.js';

/** One PEM block: its label (`CERTIFICATE`, `ED25519 PRIVATE KEY`, …), RFC 1421 headers and the decoded body. */
export interface PemBlock {
  label: string;
  headers: Record<string, string>;
  der: Buffer;
}

const standardBase64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isStandardBase64(text: string): boolean {
  return text.length % 4 === 0 && standardBase64.test(text);
}

/** Prefix for messages: the field being read (`contexts.prod.crt`) when the caller knows it. */
function where(source: string | undefined): string {
  return source === undefined ? '' : `${source}: `;
}

/**
 * Decodes a talosconfig `ca`/`crt`/`key` field: standard padded base64 of PEM text (TALOS.md). Buffer.from
 * skips characters it does not know, so a damaged field would decode to garbage; the alphabet and padding are
 * checked first. Line breaks are ignored, as Go's base64 decoder (what talosctl uses) ignores them.
 */
export function decodeBase64Field(value: string, source?: string): string {
  const compact = value.replace(/[\r\n]/g, '');
  if (!isStandardBase64(compact)) {
    throw new PkiError(
      'invalid-base64',
      `${where(source)}not valid base64 — re-export the talosconfig or re-import it`,
    );
  }
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** Encodes PEM text for a talosconfig field: padded standard base64 on one line, as talosctl writes it. */
export function encodeBase64Field(pem: string): string {
  return Buffer.from(pem, 'latin1').toString('base64');
}

const beginLine = /^-----BEGIN ([^-\r\n]*)-----[ \t]*$/;

/**
 * Splits PEM text into its blocks. Text around blocks is ignored (as Go's pem.Decode does: certificates are
 * often pasted with `openssl x509 -text` output around them), but a block that starts and is not complete —
 * a truncated paste, a damaged body — is an error rather than silently dropped.
 */
export function parsePem(text: string, source?: string): PemBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: PemBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const label = beginLine.exec((lines[index] ?? '').trim())?.[1];
    index += 1;
    if (label === undefined) continue;
    const end = `-----END ${label}-----`;
    const bodyLines: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== end) {
      bodyLines.push((lines[index] ?? '').trim());
      index += 1;
    }
    if (index >= lines.length) {
      throw new PkiError(
        'invalid-pem',
        `${where(source)}the ${label} block has no END line — the PEM text was cut off; import it again from the original file`,
      );
    }
    index += 1;
    blocks.push(parseBlockBody(label, bodyLines, source));
  }
  if (blocks.length === 0) {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}no PEM block (-----BEGIN …-----) found — this field must hold PEM text; import it again from the original file`,
    );
  }
  return blocks;
}

function parseBlockBody(label: string, bodyLines: string[], source: string | undefined): PemBlock {
  const headers: Record<string, string> = {};
  let first = 0;
  // RFC 1421 headers (`Proc-Type: 4,ENCRYPTED`) come before a blank line; OpenSSL's legacy encrypted keys use them.
  if (bodyLines.some((line) => line.includes(':'))) {
    while (first < bodyLines.length && (bodyLines[first] ?? '') !== '') {
      const line = bodyLines[first] ?? '';
      const colon = line.indexOf(':');
      if (colon < 0) break;
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      first += 1;
    }
  }
  const body = bodyLines.slice(first).join('');
  if (body === '' || !isStandardBase64(body)) {
    throw new PkiError(
      'invalid-pem',
      `${where(source)}the ${label} block's body is not valid base64 — the PEM text is damaged; import it again from the original file`,
    );
  }
  return { label, headers, der: Buffer.from(body, 'base64') };
}

/** PEM text for one block: 64-character lines and a final newline, as Go's pem.Encode and OpenSSL write it. */
export function encodePem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.map((line) => `${line}\n`).join('')}-----END ${label}-----\n`;
}

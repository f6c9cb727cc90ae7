import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePem } from '../../electron/pki/pem.js';

/**
 * The real certificates and certificate requests in tests/fixtures, as DER: every certificate the Talos
 * talosconfigs and secrets bundles carry (base64 of PEM in `ca`, `crt` fields), and the CSR Go wrote as
 * `talosctl gen csr` does. The mutation fuzz and its benchmark start from these.
 */
// The bench bundles this file elsewhere and passes the folder itself (relative to the project root).
const defaultFolder = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface DerFixture {
  name: string;
  der: Buffer;
}

export function fixtureCertificates(fixtures = defaultFolder): DerFixture[] {
  const found = new Map<string, DerFixture>();
  for (const file of readdirSync(`${fixtures}talos`).filter((name) => name.endsWith('.yaml'))) {
    const text = readFileSync(`${fixtures}talos/${file}`, 'utf8');
    for (const [, value = ''] of text.matchAll(/^\s*(?:ca|crt):\s*(\S+)\s*$/gm)) {
      const pem = Buffer.from(value, 'base64').toString('latin1');
      if (!pem.includes('BEGIN CERTIFICATE')) continue;
      for (const block of parsePem(pem, file)) {
        found.set(block.der.toString('hex'), { name: `${file} certificate`, der: Buffer.from(block.der) });
      }
    }
  }
  return [...found.values()];
}

export function fixtureCsrs(fixtures = defaultFolder): DerFixture[] {
  const pem = readFileSync(`${fixtures}go-csr/talosctl-style.csr`, 'utf8');
  return parsePem(pem, 'talosctl-style.csr').map((block) => ({
    name: 'talosctl-style.csr',
    der: Buffer.from(block.der),
  }));
}

export function derToPem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

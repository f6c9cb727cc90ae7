import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../electron/service/create-services.js';
import { pathRef, savePathRef } from '../../../../shared/contract/file-ref.js';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { createTalosLikeCa } from '../../pki/talos-like-ca.js';
import { tempDir, testKeySources } from '../../vault/helpers.js';

const DAY = 86_400;

/** A vault with one stored CA that expires `caLifeSeconds` from now. */
async function vaultWithCaExpiringIn(caLifeSeconds: number) {
  const dir = await tempDir('talcred-ca-cap-');
  const ca = await createTalosLikeCa('ed25519', { notAfter: new Date(Date.now() + caLifeSeconds * 1000) });
  await writeFile(join(dir, 'ca.crt'), ca.certPem);
  await writeFile(join(dir, 'ca.key'), ca.keyPem);
  const services = createServices({
    home: join(dir, 'home'),
    env: {},
    keySources: testKeySources(),
    results: 'strict',
    talosconfig: () => ({ path: join(dir, 'talosconfig'), readOnly: false, source: 'flag', exists: false }),
  });
  await services.vault.init({ keySource: 'passphrase' });
  const stored = await services.issuing.importCa({
    name: 'short',
    source: { kind: 'pem', cert: pathRef(join(dir, 'ca.crt')), key: pathRef(join(dir, 'ca.key')) },
  });
  return { dir, services, caNotAfter: stored.notAfter };
}

function opensslNotAfter(certPem: string): Date {
  const out = execFileSync('openssl', ['x509', '-noout', '-enddate'], { input: certPem, encoding: 'utf8' });
  return new Date(out.replace('notAfter=', '').trim());
}

describe('an issued certificate never outlives its CA', () => {
  it('cuts the lifetime to the CA expiry, says so, and the revocation horizon is the real expiry', async () => {
    const { dir, services, caNotAfter } = await vaultWithCaExpiringIn(2 * DAY);
    const out = join(dir, 'reader.yaml');
    const issued = await services.issuing.issue({
      ca: 'short',
      roles: ['os:reader'],
      ttlSeconds: 7 * DAY,
      output: { file: savePathRef(out) },
    });
    expect(issued.notAfter).toBe(caNotAfter);
    expect(issued.notes).toEqual([expect.stringContaining('when the CA itself expires') as unknown]);
    const context = parseTalosconfig(await readFile(out, 'utf8'), out).contexts[0];
    const certPem = Buffer.from(context?.crt ?? '', 'base64').toString('utf8');
    expect(opensslNotAfter(certPem).getTime()).toBe(Date.parse(caNotAfter));
    const log = await services.issuing.log({});
    expect(log.horizons).toEqual([expect.objectContaining({ revocationHorizon: caNotAfter }) as unknown]);

    // A lifetime that ends before the CA does is not touched.
    const short = await services.issuing.issue({
      ca: 'short',
      roles: ['os:reader'],
      ttlSeconds: DAY,
      store: true,
    });
    expect(short.notes).toEqual([]);
    expect(Date.parse(short.notAfter)).toBeLessThan(Date.parse(caNotAfter));
  });

  it('refuses when the CA expires within the minute, writing nothing', async () => {
    const { dir, services } = await vaultWithCaExpiringIn(30);
    await expect(
      services.issuing.issue({
        ca: 'short',
        roles: ['os:reader'],
        output: { file: savePathRef(join(dir, 'x.yaml')) },
      }),
    ).rejects.toMatchObject({ code: 'ca-expires-too-soon' });
    expect((await services.issuing.log({})).entries).toEqual([]);
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TalosContext } from '../../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import {
  emptyVaultDocument,
  vaultDocumentSchema,
  type VaultCa,
  type VaultDocument,
} from '../../../shared/vault/vault-document.js';
import { fingerprintSha256 } from '../../../electron/pki/certificate-facts.js';
import { toContextItem } from '../../../electron/service/context-item.js';
import { createCredentialFactsCache } from '../../../electron/service/credential-facts-cache.js';
import { signingStoredCa } from '../../../electron/service/renewal-check.js';
import { arbitraryContextName } from '../../support/arbitrary-talosconfig.js';
import { diagnoseContextBeforeFacts } from '../../support/diagnose-before-facts.js';
import { ADMIN, FUTURE, NOROLES } from '../../support/talos-fixtures.js';
import { base64, createTestCa, createTestLeaf, oids, type TestCertificate } from '../../support/test-pki.js';

const day = 86_400_000;
const base = new Date('2026-11-24T10:00:00Z');

/** Field values to combine: real Talos contexts, generated certificates of every kind, and broken text. */
interface Pools {
  ca: string[];
  crt: string[];
  key: string[];
  stored: VaultCa[];
}

let pools: Pools;

function storedCa(name: string, ca: TestCertificate): VaultCa {
  return {
    name,
    fingerprintSha256: fingerprintSha256(ca.cert),
    certPem: ca.certPem,
    keyPem: ca.keyPem,
    source: 'test',
    importedAt: base.toISOString(),
  };
}

beforeAll(async () => {
  const real = [ADMIN, NOROLES, FUTURE].flatMap(
    (path) => parseTalosconfig(readFileSync(path, 'utf8'), path).contexts,
  );
  const caA = await createTestCa({ notBefore: new Date(base.getTime() - 400 * day) });
  const caB = await createTestCa({ algorithm: 'ecdsa-p256', subject: [{ O: ['talos'] }] });
  const caShort = await createTestCa({
    notBefore: new Date(base.getTime() - 30 * day),
    notAfter: new Date(base.getTime() + 3 * day),
  });
  const leaves = await Promise.all([
    createTestLeaf(caA),
    createTestLeaf(caA, { roles: ['os:reader', 'os:etcd:backup'], commonName: 'alice' }),
    createTestLeaf(caA, { roles: [], extKeyUsage: [oids.serverAuth, oids.clientAuth] }),
    createTestLeaf(caA, { roles: ['os:impersonator', 'os:future'], rolesAs: 'separate-rdns' }),
    createTestLeaf(caA, {
      notBefore: new Date(base.getTime() - 20 * day),
      notAfter: new Date(base.getTime() + 2 * day),
    }),
    createTestLeaf(caA, {
      notBefore: new Date(base.getTime() - 20 * day),
      notAfter: new Date(base.getTime() - day),
    }),
    createTestLeaf(caA, { notBefore: new Date(base.getTime() + day), extKeyUsage: [] }),
    createTestLeaf(caB, { roles: ['os:operator'] }),
    createTestLeaf(caShort, { roles: ['os:reader'] }),
  ]);
  const cas = [caA, caB, caShort];
  const broken = [
    'not base64!',
    base64('no PEM here'),
    base64('-----BEGIN CERTIFICATE-----\nAAAA\n'),
    base64(caA.keyPem),
  ];
  pools = {
    ca: [
      '',
      ...real.map((context) => context.ca),
      ...cas.map((ca) => base64(ca.certPem)),
      base64(caA.certPem + caB.certPem),
      ...broken,
    ],
    crt: [
      '',
      ...real.map((context) => context.crt),
      ...leaves.map((leaf) => base64(leaf.certPem)),
      ...broken,
    ],
    key: ['', ...real.map((context) => context.key), ...leaves.map((leaf) => base64(leaf.keyPem)), ...broken],
    stored: [storedCa('alpha', caA), storedCa('beta', caB), storedCa('short', caShort)],
  };
}, 60_000);

function documentOf(
  entryContext: TalosContext,
  stored: VaultCa[],
  current: boolean,
  warningDays: number,
): VaultDocument {
  const document = emptyVaultDocument();
  return {
    ...document,
    settings: { ...document.settings, expiryWarningDays: warningDays },
    cas: stored,
    current: current ? entryContext.name : '',
    contexts: [
      {
        context: entryContext,
        meta: { source: 'test', importedAt: base.toISOString(), lastUsed: null, labels: {}, note: '' },
      },
    ],
  };
}

/** The item as listing built it before facts were kept: a full diagnosis, renewal by signature. */
function itemBeforeFacts(document: VaultDocument, context: TalosContext, now: Date) {
  const renewable = signingStoredCa(document, context) !== null;
  const report = diagnoseContextBeforeFacts(context, {
    now,
    current: context.name === document.current,
    expiryWarningDays: document.settings.expiryWarningDays,
    renewal: context.crt === '' ? undefined : renewable ? 'renewable' : 'ca-elsewhere',
  });
  const cluster =
    document.cas.find((ca) => report.ca.some((facts) => facts.fingerprintSha256 === ca.fingerprintSha256))
      ?.name ?? null;
  return { ...report, renewable, cluster };
}

const pick = <T>(pool: () => T[]) => fc.nat().map((n) => pool()[n % pool().length] as T);

describe('kept credential facts', () => {
  it('give the items a full diagnosis gave, whatever the name, clock, window and stored CAs', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: arbitraryContextName(),
          readAs: arbitraryContextName(),
          ca: pick(() => pools.ca),
          crt: pick(() => pools.crt),
          key: pick(() => pools.key),
          endpoints: fc.array(fc.constant('10.5.0.2'), { maxLength: 1 }),
          days: fc.integer({ min: -800, max: 4000 }),
          warningDays: fc.integer({ min: 0, max: 60 }),
          current: fc.boolean(),
          storedAtRead: fc.subarray([0, 1, 2]),
          storedAtList: fc.subarray([0, 1, 2]),
          kept: fc.constantFrom('none', 'document', 'remembered'),
        }),
        (input) => {
          const context: TalosContext = {
            name: input.name,
            endpoints: input.endpoints,
            nodes: [],
            ca: input.ca,
            crt: input.crt,
            key: input.key,
            extra: [],
          };
          const now = new Date(base.getTime() + input.days * day);
          const stored = (indexes: number[]) => indexes.map((index) => pools.stored[index] as VaultCa);
          const document = documentOf(context, stored(input.storedAtList), input.current, input.warningDays);
          const cache = createCredentialFactsCache();
          // Facts read earlier: under another name (a rename since), with other CAs stored, kept in the
          // written document (and read back through its schema) or remembered by the service.
          const earlier = documentOf(
            { ...context, name: input.readAs },
            stored(input.storedAtRead),
            false,
            14,
          );
          let listed = document;
          if (input.kept === 'document') {
            const written = JSON.parse(JSON.stringify(cache.withFacts(earlier))) as unknown;
            const facts = vaultDocumentSchema.parse(written).contexts[0]?.facts;
            expect(facts).toBeDefined();
            listed = { ...document, contexts: document.contexts.map((entry) => ({ ...entry, facts })) };
          } else if (input.kept === 'remembered') {
            const entry = earlier.contexts[0];
            if (entry) toContextItem(entry, earlier, now, cache.batch(earlier));
          }
          const entry = listed.contexts[0];
          if (!entry) throw new Error('no context');
          const item = toContextItem(entry, listed, now, cache.batch(listed));
          const expected = itemBeforeFacts(document, context, now);
          expect({
            ...item,
            labels: undefined,
            lastUsed: undefined,
            note: undefined,
            source: undefined,
            importedAt: undefined,
            elevation: undefined,
          }).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are read again when the fields they were read from changed', () => {
    const [first, second] = pools.crt.slice(1);
    const context = {
      name: 'a',
      endpoints: [],
      nodes: [],
      ca: pools.ca[1] ?? '',
      crt: first ?? '',
      key: '',
      extra: [],
    };
    const cache = createCredentialFactsCache();
    const written = cache.withFacts(documentOf(context, [], false, 14));
    const stale = written.contexts[0]?.facts;
    const changed = { ...context, crt: second ?? '' };
    const document = documentOf(changed, [], false, 14);
    const [listed] = document.contexts;
    if (listed === undefined || stale === undefined) throw new Error('no context');
    const entry = { ...listed, facts: stale };
    const item = toContextItem(entry, document, base, createCredentialFactsCache().batch(document));
    expect(item.cert?.fingerprintSha256).toBe(
      itemBeforeFacts(document, changed, base).cert?.fingerprintSha256,
    );
  });
});

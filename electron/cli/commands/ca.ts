import { resolve } from 'node:path';
import type { CaItem, CaSource } from '../../../shared/contract/issuing-contract.js';
import { isoDate } from '../../../shared/relative-time.js';
import { UsageError } from '../../../shared/user-error.js';
import { pathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable, printJson, writeLine, writeLines, type CliIo } from '../io.js';
import { openServices } from '../vault-access.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred ca import --name NAME (--secrets FILE | --machine-config FILE | --crt FILE --key FILE) [--json]
       talcred ca list [--json]
       talcred ca remove NAME

The cluster CAs this vault issues with (the Talos OS CA), stored encrypted in the vault and identified by
their SHA-256 fingerprint. Vault contexts that trust a stored CA belong to its cluster.

  import            checks the CA (a CA certificate, its key, valid now) and stores it
    --name NAME       the cluster's name (a secrets bundle carries none); new contexts are named after it
    --secrets FILE    a secrets bundle from \`talosctl gen secrets\` (certs.os)
    --machine-config FILE
                      a control-plane machine config (machine.ca); worker configs hold no CA key
    --crt FILE --key FILE
                      PEM files (any key label Talos writes)
  list              name, fingerprint, expiry, contexts of the cluster, certificates issued, and the
                    revocation horizon: Talos cannot revoke, so everything issued so far is dead only
                    after the latest expiry among them
  remove NAME       forgets the CA and its key; the issuance log keeps its entries

Examples:
  talcred ca import --name prod --secrets secrets.yaml
  talcred ca list --json`;

function sourceOf(values: Record<string, string | boolean | undefined>, cwd: string): CaSource {
  const text = (key: string): string | undefined => {
    const value = values[key];
    return typeof value === 'string' ? resolve(cwd, value) : undefined;
  };
  const [secrets, config, crt, key] = [text('secrets'), text('machine-config'), text('crt'), text('key')];
  const given = [secrets, config, crt ?? key].filter((value) => value !== undefined).length;
  if (given !== 1) {
    throw new UsageError(
      'ca import needs exactly one of --secrets FILE, --machine-config FILE, or --crt FILE --key FILE',
    );
  }
  if (secrets !== undefined) return { kind: 'yaml', file: pathRef(secrets) };
  if (config !== undefined) return { kind: 'yaml', file: pathRef(config) };
  if (crt === undefined || key === undefined) throw new UsageError('--crt and --key go together');
  return { kind: 'pem', cert: pathRef(crt), key: pathRef(key) };
}

function horizonText(ca: CaItem): string {
  return ca.revocationHorizon ?? 'nothing valid';
}

function printCas(io: CliIo, cas: readonly CaItem[]): void {
  if (cas.length === 0) {
    writeLine(io.stdout, 'no CA stored: `talcred ca import --name NAME --secrets secrets.yaml`');
    return;
  }
  const rows = cas.map((ca) => [
    ca.name,
    ca.fingerprintSha256.slice(0, 16),
    ca.keyType,
    isoDate(ca.notAfter),
    ca.contexts.join(',') || '-',
    String(ca.issued),
    horizonText(ca),
  ]);
  writeLines(
    io.stdout,
    formatTable(['NAME', 'SHA256', 'KEY', 'CA EXPIRES', 'CONTEXTS', 'ISSUED', 'ALL ISSUED DEAD AFTER'], rows),
  );
}

export const caCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('ca', argv, {
      name: { type: 'string' },
      secrets: { type: 'string' },
      'machine-config': { type: 'string' },
      crt: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, ...rest] = positionals;
    const issuing = openServices(io, globals).issuing;
    if (action === 'import' && rest.length === 0) {
      if (values.name === undefined)
        throw new UsageError('ca import needs --name NAME (see `talcred ca --help`)');
      const ca = await issuing.importCa({ name: values.name, source: sourceOf(values, io.cwd) });
      if (values.json === true) printJson(io, ca);
      else
        writeLine(
          io.stdout,
          `stored CA ${quoteName(ca.name)} (${ca.subject}, ${ca.keyType}, until ${isoDate(ca.notAfter)}, SHA-256 ${ca.fingerprintSha256})`,
        );
      return ExitCode.ok;
    }
    if (action === 'list' && rest.length === 0) {
      const cas = await issuing.listCas({});
      if (values.json === true) printJson(io, cas);
      else printCas(io, cas);
      return ExitCode.ok;
    }
    if (action === 'remove' && rest.length === 1 && rest[0] !== undefined) {
      const result = await issuing.removeCa({ name: rest[0] });
      if (values.json === true) printJson(io, result);
      else
        writeLine(io.stdout, `removed CA ${quoteName(result.removed)} (its issuance log entries are kept)`);
      return ExitCode.ok;
    }
    throw new UsageError('ca takes import, list or remove NAME (see `talcred ca --help`)');
  },
};

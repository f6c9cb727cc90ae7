import type { ContextItem } from '../../../shared/contract/vault-contract.js';
import { isoDate, relativeTime } from '../../../shared/relative-time.js';
import { allowedMethods } from '../../../shared/roles/permissions.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred show NAME [--json]

One context in full: endpoints, nodes, the client certificate (subject, issuer, serial, roles, validity,
key type, fingerprint, extended key usage), what its roles may call, the CA it trusts, labels, note,
where it came from, and its findings. Never prints keys or certificates.`;

function describe(item: ContextItem, now: Date): string[] {
  const lines = [
    `name         ${item.name}${item.current ? ' (current)' : ''}`,
    `endpoints    ${item.endpoints.join(', ') || '-'}`,
    `nodes        ${item.nodes.join(', ') || '-'}`,
    `cluster      ${item.cluster ?? '- (its CA is not stored: talcred ca import)'}`,
    `auth         ${item.auth}`,
  ];
  if (item.cert) {
    const cert = item.cert;
    const methods = allowedMethods(cert.roles);
    lines.push(
      `subject      ${cert.subject || '(empty)'}`,
      `issuer       ${cert.issuer || '(empty)'}`,
      `serial       ${cert.serial}`,
      `roles        ${cert.roles.join(', ') || '(none: every call is refused)'}`,
      `may call     ${methods.length} API methods${cert.roles.includes('os:admin') || cert.roles.includes('os:impersonator') ? ' (all: admin)' : ''}`,
      `valid        ${cert.notBefore} .. ${cert.notAfter} (${relativeTime(new Date(cert.notAfter), now)})`,
      `key          ${cert.keyType}`,
      `sha256       ${cert.fingerprintSha256}`,
      `ext. usage   ${cert.extKeyUsage.join(', ') || '(none)'}`,
    );
  }
  for (const ca of item.ca)
    lines.push(`ca           ${ca.subject || '(empty)'}, ${ca.keyType}, until ${isoDate(ca.notAfter)}`);
  const labels = Object.entries(item.labels).map(([key, value]) => `${key}=${value}`);
  lines.push(
    `labels       ${labels.join(', ') || '-'}`,
    ...(item.note ? [`note         ${item.note}`] : []),
    `source       ${item.source} (imported ${item.importedAt})`,
    `last used    ${item.lastUsed ?? 'never'}`,
  );
  for (const finding of item.findings)
    lines.push(`${finding.severity.padEnd(12)} ${finding.code}: ${finding.message}`);
  return lines;
}

export const showCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('show', argv, { json: { type: 'boolean' } });
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length > 0)
      throw new UsageError('show takes one context name (see `talcred show --help`)');
    const item = await openServices(io, globals).vault.show({ name });
    if (values.json === true) printJson(io, item);
    else for (const line of describe(item, io.now())) writeLine(io.stdout, line);
    return ExitCode.ok;
  },
};

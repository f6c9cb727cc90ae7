import type { LogResult } from '../../../shared/contract/issuing-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable, printJson, writeLine, writeLines, type CliIo } from '../io.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred log [--ca NAME] [--json]

The issuance log: every certificate this vault issued or signed (serial in lowercase hex, SHA-256
fingerprint, CA, roles, validity, identity, context, when, where it was exported, and the serial a renewal
renews or the context and reason of an elevation), then each CA's
revocation horizon. Talos cannot revoke a certificate: everything a CA issued so far is dead only after
the latest expiry among them; before that, only rotating the OS CA (talosctl rotate-ca) ends them.

  --ca NAME   only certificates issued by this CA
  --json      {"entries": [...], "horizons": [{"ca", "fingerprintSha256", "revocationHorizon"}]}`;

/** Why it was issued, where the log knows more than the roles: a renewal, an elevation and its reason. */
function noteOf(entry: LogResult['entries'][number]): string {
  if (entry.renews !== null) return `renews ${entry.renews}`;
  if (entry.elevatedFrom !== null) return `elevated from ${entry.elevatedFrom}: ${entry.reason ?? ''}`;
  return '-';
}

function printLog(io: CliIo, log: LogResult, now: Date): void {
  if (log.entries.length === 0) writeLine(io.stdout, 'nothing issued yet');
  else {
    const rows = log.entries.map((entry) => [
      entry.issuedAt,
      entry.serial,
      entry.caName,
      entry.roles.join(','),
      `${entry.notAfter}${Date.parse(entry.notAfter) <= now.getTime() ? ' (expired)' : ''}`,
      entry.identity ?? '-',
      entry.context ?? '-',
      entry.exportedTo.join(', ') || '-',
      noteOf(entry),
    ]);
    writeLines(
      io.stdout,
      formatTable(
        ['ISSUED', 'SERIAL', 'CA', 'ROLES', 'VALID UNTIL', 'IDENTITY', 'CONTEXT', 'EXPORTED TO', 'NOTE'],
        rows,
      ),
    );
  }
  for (const horizon of log.horizons) {
    writeLine(
      io.stdout,
      horizon.revocationHorizon === null
        ? `CA ${horizon.ca}: nothing it issued is still valid`
        : `CA ${horizon.ca}: everything issued so far is dead after ${horizon.revocationHorizon}`,
    );
  }
}

export const logCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('log', argv, {
      ca: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError('log takes no arguments (see `talcred log --help`)');
    const log = await openServices(io, globals).issuing.log(values.ca === undefined ? {} : { ca: values.ca });
    if (values.json === true) printJson(io, log);
    else printLog(io, log, io.now());
    return ExitCode.ok;
  },
};

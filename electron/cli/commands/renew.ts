import { resolve } from 'node:path';
import type { NotRenewable, Renewal, RenewDueResult } from '../../../shared/contract/lifecycle-contract.js';
import { savePathRef } from '../../../shared/contract/file-ref.js';
import { formatDuration } from '../../../shared/duration.js';
import { quoteName } from '../../../shared/quote-name.js';
import { roleCatalog } from '../../../shared/roles/catalog.js';
import { UsageError, UserError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, type CliIo } from '../io.js';
import { confirm } from '../prompt.js';
import { openServices } from '../vault-access.js';
import { ttlOption } from './issue.js';

const help = `Usage: talcred renew NAME... [--ttl DURATION] [--dry-run] [--yes-admin] [--json]
       talcred renew --due [--dry-run] [--yes-admin] [--json]
       talcred renew NAME --request -o FILE [--force] [--json]

Renews contexts whose certificate a CA stored in this vault signed (checked by signature, not by name;
expired ones too): a new key of the CA's type and a certificate with exactly the old roles (every O value,
unknown ones included), the old identity (CN) and the old lifetime (at most the vault's maximum). The
context keeps its name, endpoints, nodes, labels and note; its certificate and key are replaced in one
vault write, talosctl's file is rewritten if it holds the context, and the log records what it renews.

  --ttl DURATION   another lifetime than the old one (within the vault's maximum)
  --dry-run        show what would be issued; change nothing
  --yes-admin      confirm renewing os:admin or os:impersonator (asked on a terminal otherwise)
  --due            every context inside its warning window or expired: renews the renewable ones and
                   lists the rest with the CA they need (for a cron job or a login hook)
  --request        the CA is elsewhere: keep a new key in the vault and write a certificate request
                   (-o FILE) with the same roles and identity; \`talcred accept CERT\` then replaces
                   NAME's certificate and key in place
  --json           what was renewed ({"dryRun", "renewed"}; with --due also "notRenewable",
                   "needsAdmin", "failed")

Exit status: 0 all renewed; 1 (--due) some due context could not be renewed here; 2 bad usage, or a
named context cannot be renewed here (the message names its CA and the two ways on).

Examples:
  talcred renew prod-reader
  talcred renew --due --yes-admin        # e.g. hourly from cron
  talcred renew staging --request -o staging-renew.csr`;

function describeRenewal(renewal: Renewal, dryRun: boolean): string {
  const verb = dryRun ? 'would renew' : 'renewed';
  const serial = renewal.serial === null ? '' : `, serial ${renewal.serial}`;
  const rewritten = renewal.talosconfigRewritten ? "; talosctl's file rewritten" : '';
  return `${verb} ${quoteName(renewal.context)} by CA ${renewal.ca}: ${renewal.roles.join(', ')}, ${formatDuration(renewal.lifetimeSeconds)}, valid until ${renewal.notAfter}${serial}${rewritten}`;
}

function describeNotRenewable(entry: NotRenewable): string {
  const which = entry.issuer.fingerprintSha256 === null ? '' : ` (SHA-256 ${entry.issuer.fingerprintSha256})`;
  const when = entry.expired ? `expired ${entry.notAfter}` : `expires ${entry.notAfter}`;
  return `not renewable here: ${quoteName(entry.context)} (${when}) needs CA "${entry.issuer.subject}"${which}: \`talcred ca import\` it, or \`talcred renew ${entry.context} --request -o renew.csr\``;
}

function printRenewals(io: CliIo, renewed: readonly Renewal[], dryRun: boolean): void {
  for (const renewal of renewed) {
    writeLine(io.stdout, describeRenewal(renewal, dryRun));
    for (const note of renewal.notes) writeLine(io.stderr, `note: ${note}`);
  }
}

function printDue(io: CliIo, result: RenewDueResult): void {
  printRenewals(io, result.renewed, result.dryRun);
  for (const entry of result.notRenewable) writeLine(io.stdout, describeNotRenewable(entry));
  for (const entry of result.needsAdmin) {
    writeLine(
      io.stdout,
      `needs confirmation: ${quoteName(entry.context)} holds ${entry.roles.join(', ')}; pass --yes-admin to renew it`,
    );
  }
  for (const entry of result.failed)
    writeLine(io.stdout, `failed: ${quoteName(entry.context)}: ${entry.message}`);
  const nothing =
    result.renewed.length + result.notRenewable.length + result.needsAdmin.length + result.failed.length ===
    0;
  if (nothing) writeLine(io.stdout, 'nothing is due for renewal');
}

/** A terminal confirms admin renewals the flag did not: every named context that holds an admin role. */
async function confirmAdminRenewal(io: CliIo, flag: boolean, error: unknown): Promise<boolean> {
  if (flag || !(error instanceof UserError) || error.code !== 'admin-needs-confirmation') return false;
  const roles = roleCatalog.filter((info) => info.adminEquivalent).map((info) => info.role);
  return confirm(
    io,
    `${error.message}. ${roles.join(' and ')} can do anything on the cluster. Renew anyway?`,
  );
}

async function renewNamed(
  io: CliIo,
  services: ReturnType<typeof openServices>,
  names: string[],
  values: Options,
) {
  const ttlSeconds = ttlOption(values.ttl);
  const args = {
    names,
    dryRun: values['dry-run'] === true,
    ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
  };
  try {
    return await services.lifecycle.renew({ ...args, allowAdmin: values['yes-admin'] === true });
  } catch (error) {
    if (await confirmAdminRenewal(io, values['yes-admin'] === true, error)) {
      return services.lifecycle.renew({ ...args, allowAdmin: true });
    }
    throw error;
  }
}

interface Options {
  ttl?: string | undefined;
  'dry-run'?: boolean | undefined;
  'yes-admin'?: boolean | undefined;
  due?: boolean | undefined;
  request?: boolean | undefined;
  output?: string | undefined;
  force?: boolean | undefined;
  json?: boolean | undefined;
}

export const renewCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('renew', argv, {
      ttl: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'yes-admin': { type: 'boolean' },
      due: { type: 'boolean' },
      request: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const services = openServices(io, globals);
    if (values.request === true) {
      const [name, ...extra] = positionals;
      if (name === undefined || extra.length > 0 || values.output === undefined || values.due === true) {
        throw new UsageError('renew --request takes one NAME and -o FILE (see `talcred renew --help`)');
      }
      const result = await services.lifecycle.requestRenewal({
        name,
        output: savePathRef(resolve(io.cwd, values.output), values.force === true),
      });
      if (values.json === true) printJson(io, result);
      else {
        writeLine(
          io.stdout,
          `wrote a renewal request for ${quoteName(result.context)} (${result.roles.join(', ')}, ${result.keyType}) to ${result.path}`,
        );
        writeLine(
          io.stdout,
          `have it signed by whoever holds the cluster's CA, then: talcred accept CERT.pem (replaces ${quoteName(result.context)} in place)`,
        );
      }
      return ExitCode.ok;
    }
    if (values.due === true) {
      if (positionals.length > 0 || values.ttl !== undefined) {
        throw new UsageError('renew --due takes no NAME and no --ttl: each renewal keeps its lifetime');
      }
      const result = await services.lifecycle.renewDue({
        dryRun: values['dry-run'] === true,
        allowAdmin: values['yes-admin'] === true,
      });
      if (values.json === true) printJson(io, result);
      else printDue(io, result);
      const clean = result.notRenewable.length + result.needsAdmin.length + result.failed.length === 0;
      return clean ? ExitCode.ok : ExitCode.no;
    }
    if (positionals.length === 0) {
      throw new UsageError('renew needs NAME... or --due (see `talcred renew --help`)');
    }
    try {
      const result = await renewNamed(io, services, positionals, values);
      if (values.json === true) printJson(io, result);
      else printRenewals(io, result.renewed, result.dryRun);
      return ExitCode.ok;
    } catch (error) {
      throw withRequestHint(error, positionals);
    }
  },
};

/** A context this vault cannot renew: its message names the CA; here are the two ways on, as commands. */
function withRequestHint(error: unknown, names: readonly string[]): unknown {
  if (!(error instanceof UserError) || error.code !== 'not-renewable') return error;
  const name = names.length === 1 ? (names[0] ?? 'NAME') : 'NAME';
  return new UserError(
    error.code,
    `${error.message} (\`talcred ca import\`, or \`talcred renew ${name} --request -o renew.csr\`)`,
    { remedy: null },
  );
}

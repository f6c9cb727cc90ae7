import { formatDuration } from '../../../shared/duration.js';
import { quoteName } from '../../../shared/quote-name.js';
import { UsageError, UserError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { confirmAdmin, listOption, ttlOption } from './issue.js';

const help = `Usage: talcred elevate NAME --roles R[,R...] --reason TEXT [--ttl DURATION] [--yes-admin] [--json]
       talcred elevate --end [NAME] [--json]

Just-in-time privilege. Issues a short-lived certificate with the roles asked for and NAME's identity,
signed by the stored CA of NAME's cluster, stores it as the context NAME-elevated (NAME's endpoints and
nodes) and switches talosctl to it. The reason, the roles, NAME and the validity go into the issuance log.
When it expires, the next talcred command (and the app) removes NAME-elevated and switches talosctl back
to NAME; --end does that now.

  --roles R[,R...]  the roles for the elevation (see \`talcred roles\`)
  --reason TEXT     why (required; kept in the log)
  --ttl DURATION    how long (default 15m; at most the setting elevate-max-ttl, default 1h, never
                    above 24h)
  --yes-admin       confirm os:admin or os:impersonator (asked on a terminal otherwise)
  --end [NAME]      end NAME's elevation (every elevation without NAME) now
  --json            what was issued, or what was ended

Talos cannot revoke a certificate: ending an elevation removes it from the vault and from talosctl's
file, but a copy of the certificate would keep working until it expires.

Examples:
  talcred elevate prod --roles os:admin --reason "upgrade to 1.12" --ttl 30m --yes-admin
  talcred elevate --end prod`;

/** Elevating issues with the cluster's CA: the way on is to store it, not (as for accept) to name a file. */
function withImportHint(error: unknown): unknown {
  if (!(error instanceof UserError) || error.code !== 'ca-not-stored') return error;
  return new UserError(
    error.code,
    `${error.message} (\`talcred ca import --name NAME --secrets secrets.yaml\`, or --machine-config controlplane.yaml)`,
    { remedy: null },
  );
}

export const elevateCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('elevate', argv, {
      roles: { type: 'string', multiple: true },
      reason: { type: 'string' },
      ttl: { type: 'string' },
      'yes-admin': { type: 'boolean' },
      end: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const lifecycle = openServices(io, globals).lifecycle;
    const [name, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError('elevate takes one NAME (see `talcred elevate --help`)');
    if (values.end === true) {
      if (values.roles !== undefined || values.reason !== undefined || values.ttl !== undefined) {
        throw new UsageError('elevate --end takes only an optional NAME');
      }
      const result = await lifecycle.endElevation(name === undefined ? {} : { name });
      if (values.json === true) printJson(io, result);
      else if (result.ended.length === 0) writeLine(io.stdout, 'no elevation is active');
      else
        for (const ended of result.ended) {
          const back = ended.switchedBack ? `; talosctl is back on ${quoteName(ended.from)}` : '';
          writeLine(io.stdout, `ended ${quoteName(ended.context)}${back}`);
          writeLine(
            io.stderr,
            `note: Talos cannot revoke; the certificate itself stays valid until ${ended.certificateValidUntil} wherever a copy of it is`,
          );
        }
      return ExitCode.ok;
    }
    const roles = listOption(values.roles) ?? [];
    if (name === undefined || roles.length === 0 || values.reason === undefined) {
      throw new UsageError(
        'elevate needs NAME, --roles R[,R...] and --reason TEXT (see `talcred elevate --help`)',
      );
    }
    if (values.reason.trim() === '') throw new UsageError('--reason: say why the elevation is needed');
    const ttlSeconds = ttlOption(values.ttl);
    const result = await lifecycle
      .elevate({
        name,
        roles,
        reason: values.reason,
        ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
        allowAdmin: await confirmAdmin(io, roles, values['yes-admin'] === true),
      })
      .catch((error: unknown) => {
        throw withImportHint(error);
      });
    if (values.json === true) printJson(io, result);
    else {
      // Rounded to the minute: the certificate was issued a moment ago, not a full minute short.
      const lasts = formatDuration(
        Math.round((Date.parse(result.notAfter) - io.now().getTime()) / 60_000) * 60,
      );
      writeLine(
        io.stdout,
        `elevated ${quoteName(result.from)} to ${result.roles.join(', ')} as ${quoteName(result.context)} until ${result.notAfter} (${lasts})`,
      );
      writeLine(io.stdout, `talosctl now uses ${quoteName(result.context)} (${result.talosconfigPath})`);
      writeLine(io.stdout, `end it sooner with: talcred elevate --end ${result.from}`);
    }
    return ExitCode.ok;
  },
};

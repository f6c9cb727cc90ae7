import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { requireAddresses } from '../../../shared/talosconfig/field-checks.js';

export const endpointsCommand: CliCommand = {
  help: `Usage: talcred endpoints NAME ADDR... [--json]

Replaces the endpoints of a context (as \`talosctl config endpoint\` does for the current one).`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('endpoints', argv, { json: { type: 'boolean' } });
    const [name, ...endpoints] = positionals;
    if (name === undefined || endpoints.length === 0) {
      throw new UsageError(
        'endpoints takes a context name and at least one address (see `talcred endpoints --help`)',
      );
    }
    requireAddresses('endpoint', endpoints);
    const item = await openServices(io, globals).vault.setEndpoints({ name, endpoints });
    if (values.json === true) printJson(io, item);
    else writeLine(io.stdout, `${name}: endpoints ${item.endpoints.join(', ')}`);
    return ExitCode.ok;
  },
};

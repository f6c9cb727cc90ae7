import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { formatContextReports } from '../report-text.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred list [--json] [--label KEY=VALUE]

Every context in the vault: current marker, endpoints, nodes, roles, expiry, then the findings
(expired or expiring certificates, wrong extended key usage, a key that does not match, ...).

  --json               an array of the objects \`talcred inspect --json\` prints, plus "labels",
                       "lastUsed", "note", "source", "importedAt", "cluster" (the stored CA
                       its ca holds, or null)
  --label KEY=VALUE    only contexts carrying that label`;

export const listCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('list', argv, {
      json: { type: 'boolean' },
      label: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError('list takes no arguments (see `talcred list --help`)');
    let items = await openServices(io, globals).vault.list({});
    if (values.label !== undefined) {
      // Split at the first "=" only: a value may hold "=" itself (`label` accepts url=https://x/?a=b).
      const equals = values.label.indexOf('=');
      const key = equals === -1 ? values.label : values.label.slice(0, equals);
      const value = equals === -1 ? undefined : values.label.slice(equals + 1);
      items = items.filter(
        (item) => Object.hasOwn(item.labels, key) && (value === undefined || item.labels[key] === value),
      );
    }
    if (values.json === true) printJson(io, items);
    else
      writeLine(
        io.stdout,
        items.length === 0
          ? 'the vault is empty: `talcred import FILE`'
          : formatContextReports(items, io.now(), { cluster: true }),
      );
    return ExitCode.ok;
  },
};

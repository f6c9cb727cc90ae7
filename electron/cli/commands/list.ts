import { quoteName } from '../../../shared/quote-name.js';
import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, writeLines } from '../io.js';
import { formatContextReports } from '../report-text.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred list [--json] [--label KEY=VALUE]

Every context in the vault: current marker, endpoints, nodes, roles, expiry, then the findings
(expired or expiring certificates, wrong extended key usage, a key that does not match, ...).

  --json               an array of the objects \`talcred inspect --json\` prints, plus "labels",
                       "lastUsed", "note", "source", "importedAt", "cluster" (the stored CA
                       its ca holds, or null), "renewable" (a stored CA signed it) and
                       "elevation" (while it is one: from, roles, reason, notAfter)
  --label KEY=VALUE    only contexts carrying that label`;

/** Split at the first "=" only: a value may hold "=" itself (`label` accepts url=https://x/?a=b). */
function labelFilter(text: string): { key: string; value: string } {
  const equals = text.indexOf('=');
  if (equals < 1) {
    throw new UsageError(
      `--label ${quoteName(text)}: expected KEY=VALUE (see \`talcred list --help\`)`,
      'invalid-label-filter',
    );
  }
  return { key: text.slice(0, equals), value: text.slice(equals + 1) };
}

export const listCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('list', argv, {
      json: { type: 'boolean' },
      label: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError('list takes no arguments (see `talcred list --help`)');
    const filter = values.label === undefined ? undefined : labelFilter(values.label);
    let items = await openServices(io, globals).vault.list({});
    const inVault = items.length;
    if (filter !== undefined) {
      items = items.filter(
        (item) => Object.hasOwn(item.labels, filter.key) && item.labels[filter.key] === filter.value,
      );
    }
    if (values.json === true) printJson(io, items);
    else if (items.length > 0)
      writeLines(io.stdout, formatContextReports(items, io.now(), { cluster: true }));
    else if (inVault > 0 && filter !== undefined)
      writeLine(io.stdout, `no context matches label ${filter.key}=${filter.value}`);
    else writeLine(io.stdout, 'the vault is empty: `talcred import FILE`');
    return ExitCode.ok;
  },
};

import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

export const labelCommand: CliCommand = {
  help: `Usage: talcred label NAME KEY=VALUE... [KEY-...] [--json]

Sets labels on a context (env=prod, team=storage); KEY- removes a label. Filter with
\`talcred list --label KEY=VALUE\`.`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('label', argv, { json: { type: 'boolean' } });
    const [name, ...pairs] = positionals;
    if (name === undefined || pairs.length === 0) {
      throw new UsageError(
        'label takes a context name and KEY=VALUE or KEY- items (see `talcred label --help`)',
      );
    }
    const assignments: [string, string][] = [];
    const remove: string[] = [];
    for (const pair of pairs) {
      const match = /^([^=\s]+)=(.*)$/s.exec(pair);
      if (match?.[1] !== undefined) assignments.push([match[1], match[2] ?? '']);
      else if (/^[^=\s]+-$/.test(pair)) remove.push(pair.slice(0, -1));
      else throw new UsageError(`"${pair}" is not KEY=VALUE or KEY-`);
    }
    // fromEntries defines own properties: a label named like an Object.prototype member stays a label.
    const set = Object.fromEntries(assignments);
    const item = await openServices(io, globals).vault.label({ name, set, remove });
    if (values.json === true) printJson(io, item);
    else
      writeLine(
        io.stdout,
        `${name}: ${
          Object.entries(item.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '(no labels)'
        }`,
      );
    return ExitCode.ok;
  },
};

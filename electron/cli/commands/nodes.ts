import { UsageError } from '../../../shared/user-error.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { requireAddresses } from '../../../shared/talosconfig/field-checks.js';

export const nodesCommand: CliCommand = {
  help: `Usage: talcred nodes NAME [ADDR...] [--json]

Replaces the default nodes of a context (as \`talosctl config node\`); with no address, clears them.`,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('nodes', argv, { json: { type: 'boolean' } });
    const [name, ...nodes] = positionals;
    if (name === undefined) throw new UsageError('nodes takes a context name (see `talcred nodes --help`)');
    requireAddresses('node', nodes);
    const item = await openServices(io, globals).vault.setNodes({ name, nodes });
    if (values.json === true) printJson(io, item);
    else writeLine(io.stdout, `${name}: nodes ${item.nodes.join(', ') || '(none)'}`);
    return ExitCode.ok;
  },
};

import type { Status } from '../../../shared/contract/vault-contract.js';
import { UsageError } from '../../../shared/user-error.js';
import { relativeTime } from '../../../shared/relative-time.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred status [--json]

Where the vault is, which key opens it, how many contexts it holds, the current context, the talosctl
config file it writes, its backups, and which certificates are expired or expiring soon.`;

function describe(status: Status, now: Date): string[] {
  const warnings = status.warnings.map((warning) => `warning     ${warning.message}`);
  if (!status.exists)
    return [
      `vault      ${status.vaultPath} (none yet: run \`talcred init\`)`,
      `talosconfig ${status.talosconfig.path}`,
      ...warnings,
    ];
  return [
    `vault       ${status.vaultPath}`,
    `key         ${status.keySource === 'keychain' ? 'OS keychain' : 'passphrase (scrypt)'}`,
    `contexts    ${status.contexts}`,
    `current     ${status.current || '(none)'}`,
    `talosconfig ${status.talosconfig.path}${status.talosconfig.readOnly ? ' (read-only)' : ''} (mode ${status.targetMode ?? '-'})`,
    `backups     ${status.backups.map((b) => `${b.name}${b.readable ? '' : ' (unreadable)'}`).join(', ') || 'none yet'}`,
    ...(status.expired.length > 0 ? [`expired     ${status.expired.join(', ')}`] : []),
    ...(status.expiringSoon.length > 0 ? [`expiring    ${status.expiringSoon.join(', ')}`] : []),
    ...status.elevations.map(
      (elevation) =>
        `elevated    ${elevation.context} (from ${elevation.from}) until ${elevation.notAfter}, ${relativeTime(new Date(elevation.notAfter), now)}`,
    ),
    ...warnings,
  ];
}

export const statusCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('status', argv, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError('status takes no arguments');
    const status = await openServices(io, globals).vault.status({});
    if (values.json === true) printJson(io, status);
    else for (const line of describe(status, new Date())) writeLine(io.stdout, line);
    return ExitCode.ok;
  },
};

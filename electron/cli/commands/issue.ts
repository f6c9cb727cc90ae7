import { resolve } from 'node:path';
import { parseDuration } from '../../../shared/duration.js';
import { roleCatalog } from '../../../shared/roles/catalog.js';
import { UsageError } from '../../../shared/user-error.js';
import { savePathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, type CliIo } from '../io.js';
import { confirm } from '../prompt.js';
import { openServices } from '../vault-access.js';
import { requireAddresses, requireNewContextName } from '../../../shared/talosconfig/field-checks.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred issue --ca NAME --roles R[,R...] [--ttl DURATION] [--name CONTEXT] [--identity TEXT]
                     [--endpoints A,B] [--nodes A,B] [--store] [-o FILE [--force] [--age-recipient R...]]
                     [--yes-admin] [--json]

Issues a talosconfig signed by a stored cluster CA, with exactly the client certificate Talos itself
issues. Every certificate is recorded in the issuance log (\`talcred log\`).

  --ca NAME            a CA stored with \`talcred ca import\`
  --roles R[,R...]     Talos roles (see \`talcred roles\`); unknown roles are refused
  --ttl DURATION       lifetime, e.g. 90m, 8h, 7d (default: the vault's, 7d; at most its maximum, 365d)
  --name CONTEXT       default as talosctl: reader@CLUSTER for one role (os: dropped), else CLUSTER
  --identity TEXT      written as the certificate's CommonName, to tell holders apart in the log
  --endpoints A,B      default: those of a vault context of the same cluster
  --nodes A,B          default: those of a vault context of the same cluster
  --store              add the context to the vault (a taken name becomes NAME-1, as talosctl merges)
  -o FILE              write a talosconfig holding only the new context (mode 0600); --force overwrites
  --age-recipient R    encrypt FILE with age for this recipient (age1..., repeatable) instead of plaintext
  --yes-admin          confirm issuing os:admin or os:impersonator (asked on a terminal otherwise)
  --json               the new certificate's serial, fingerprint, roles, validity, context, where it went

At least one of -o and --store is required.

Examples:
  talcred issue --ca prod --roles os:reader --ttl 24h -o reader.yaml
  talcred issue --ca prod --roles os:etcd:backup --ttl 30d -o backup.age --age-recipient age1...
  talcred issue --ca prod --roles os:operator --store`;

/** \`--roles a,b --roles c\` -> [a, b, c]; undefined when the option was not given. */
export function listOption(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** os:admin and os:impersonator need an explicit yes: the flag, or an answer on a terminal. */
export async function confirmAdmin(io: CliIo, roles: readonly string[], flag: boolean): Promise<boolean> {
  if (flag) return true;
  const powerful = roleCatalog.filter((info) => info.adminEquivalent && roles.includes(info.role));
  if (powerful.length === 0) return false;
  return confirm(
    io,
    `${powerful.map((info) => info.role).join(' and ')} can do anything on the cluster. Issue it anyway?`,
  );
}

export function ttlOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseDuration(value);
}

export const issueCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('issue', argv, {
      ca: { type: 'string' },
      roles: { type: 'string', multiple: true },
      ttl: { type: 'string' },
      name: { type: 'string' },
      identity: { type: 'string' },
      endpoints: { type: 'string', multiple: true },
      nodes: { type: 'string', multiple: true },
      store: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'age-recipient': { type: 'string', multiple: true },
      'yes-admin': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError('issue takes no arguments (see `talcred issue --help`)');
    const roles = listOption(values.roles) ?? [];
    if (values.ca === undefined || roles.length === 0) {
      throw new UsageError('issue needs --ca NAME and --roles R[,R...] (see `talcred issue --help`)');
    }
    const recipients = listOption(values['age-recipient']) ?? [];
    if (recipients.length > 0 && values.output === undefined) {
      throw new UsageError('--age-recipient encrypts the file given with -o FILE; add -o FILE');
    }
    const endpoints = listOption(values.endpoints);
    const nodes = listOption(values.nodes);
    if (values.name !== undefined) requireNewContextName(values.name);
    requireAddresses('endpoint', endpoints ?? []);
    requireAddresses('node', nodes ?? []);
    const ttlSeconds = ttlOption(values.ttl);
    const issuing = openServices(io, globals).issuing;
    const result = await issuing.issue({
      ca: values.ca,
      roles,
      ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
      ...(values.name === undefined ? {} : { name: values.name }),
      ...(values.identity === undefined ? {} : { identity: values.identity }),
      ...(endpoints === undefined ? {} : { endpoints }),
      ...(nodes === undefined ? {} : { nodes }),
      store: values.store === true,
      ...(values.output === undefined
        ? {}
        : {
            output: {
              file: savePathRef(resolve(io.cwd, values.output), values.force === true),
              ageRecipients: recipients,
            },
          }),
      allowAdmin: await confirmAdmin(io, roles, values['yes-admin'] === true),
    });
    if (values.json === true) {
      printJson(io, result);
      return ExitCode.ok;
    }
    writeLine(
      io.stdout,
      `issued ${result.roles.join(', ')} by CA ${result.ca}: valid ${result.notBefore} .. ${result.notAfter}, serial ${result.serial}`,
    );
    if (result.path !== null) {
      const how = result.encrypted
        ? `age-encrypted for ${recipients.length} recipient(s)`
        : 'plaintext, mode 0600';
      writeLine(io.stdout, `wrote context ${quoteName(result.context)} to ${result.path} (${how})`);
      if (!result.encrypted)
        writeLine(io.stderr, `warning: ${result.path} holds a private key in plaintext; hand it over safely`);
    }
    for (const note of result.notes) writeLine(io.stderr, `note: ${note}`);
    if (result.storedAs !== null) {
      writeLine(io.stdout, `stored in the vault as ${quoteName(result.storedAs)}`);
      if (result.storedAs !== result.context)
        writeLine(
          io.stderr,
          `renamed talosconfig context ${quoteName(result.context)} -> ${quoteName(result.storedAs)} (the name was taken)`,
        );
    }
    if (result.endpoints.length === 0)
      writeLine(
        io.stderr,
        'note: the context has no endpoints; add them with --endpoints or `talcred endpoints`',
      );
    return ExitCode.ok;
  },
};

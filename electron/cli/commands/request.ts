import { resolve } from 'node:path';
import { requireNewContextName } from '../../../shared/talosconfig/field-checks.js';
import { UsageError } from '../../../shared/user-error.js';
import { savePathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { listOption } from './issue.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred request --roles R[,R...] --name CONTEXT [--key-type ed25519|ecdsa|rsa] [-o FILE [--force]] [--json]

Asks for a certificate without the key ever leaving this vault: the key is made and kept in the vault
(encrypted, as a pending request) and only a certificate request (CSR, subject O = the roles, as
\`talosctl gen csr --roles\` writes it) is written. Send it to whoever holds the cluster's CA
(\`talcred sign\`), then store the certificate they return with \`talcred accept\`.

  --roles R[,R...]   the roles asked for; the signer may grant fewer
  --name CONTEXT     the vault context the accepted certificate becomes
  --key-type TYPE    ed25519 (default, as Talos's CA), ecdsa (P-256) or rsa (4096)
  -o FILE            write the request there (default: print it); --force overwrites
  --json             {"name", "roles", "keyType", "csrPem", "path"}`;

export const requestCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('request', argv, {
      roles: { type: 'string', multiple: true },
      name: { type: 'string' },
      'key-type': { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const roles = listOption(values.roles) ?? [];
    if (positionals.length > 0 || roles.length === 0 || values.name === undefined) {
      throw new UsageError(
        'request needs --roles R[,R...] and --name CONTEXT (see `talcred request --help`)',
      );
    }
    requireNewContextName(values.name);
    const keyType = values['key-type'] ?? 'ed25519';
    if (keyType !== 'ed25519' && keyType !== 'ecdsa' && keyType !== 'rsa') {
      throw new UsageError(`--key-type ${keyType}: use ed25519, ecdsa or rsa`);
    }
    const result = await openServices(io, globals).issuing.createRequest({
      name: values.name,
      roles,
      keyType,
      ...(values.output === undefined
        ? {}
        : { output: savePathRef(resolve(io.cwd, values.output), values.force === true) }),
    });
    if (values.json === true) printJson(io, result);
    else if (result.path === null) io.stdout.write(result.csrPem);
    else
      writeLine(
        io.stdout,
        `wrote a request for ${result.roles.join(', ')} (${result.keyType} key kept in the vault as pending ${quoteName(result.name)}) to ${result.path}`,
      );
    return ExitCode.ok;
  },
};

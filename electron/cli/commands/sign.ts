import { resolve } from 'node:path';
import { UsageError } from '../../../shared/user-error.js';
import { pathRef, savePathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { confirmAdmin, listOption, ttlOption } from './issue.js';

const help = `Usage: talcred sign --ca NAME REQUEST.csr [--roles R[,R...]] [--ttl DURATION] [--yes-admin] -o CERT.pem [--force] [--json]

Signs a certificate request (from \`talcred request\`, \`talosctl gen csr --roles\`, or openssl with
O=role values) with a stored cluster CA and writes the certificate only: the key stays with the
requester. Shows the roles asked for; --roles grants fewer of them (never others). The same policy as
\`talcred issue\` applies (known roles, TTL at most the vault's maximum, admin roles confirmed), and the
certificate is recorded in the issuance log.

  --ca NAME          a CA stored with \`talcred ca import\`
  --roles R[,R...]   grant only these (each must have been asked for)
  --ttl DURATION     lifetime, e.g. 90m, 8h, 7d (default: the vault's, 7d)
  --yes-admin        confirm granting os:admin or os:impersonator
  -o CERT.pem        where to write the certificate (PEM); --force overwrites
  --json             serial, fingerprint, roles, requestedRoles, validity, path, notes`;

export const signCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('sign', argv, {
      ca: { type: 'string' },
      roles: { type: 'string', multiple: true },
      ttl: { type: 'string' },
      'yes-admin': { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0 || values.ca === undefined || values.output === undefined) {
      throw new UsageError(
        'sign needs --ca NAME, one REQUEST.csr and -o CERT.pem (see `talcred sign --help`)',
      );
    }
    const csrPath = resolve(io.cwd, file);
    const issuing = openServices(io, globals).issuing;
    const request = await issuing.readRequest({ csr: pathRef(csrPath) });
    const json = values.json === true;
    if (!json) {
      writeLine(
        io.stdout,
        `request asks for: ${request.roles.join(', ') || '(no roles)'} (${request.keyType} key)`,
      );
    }
    const roles = listOption(values.roles);
    const ttlSeconds = ttlOption(values.ttl);
    const result = await issuing.sign({
      ca: values.ca,
      csr: pathRef(csrPath),
      ...(roles === undefined ? {} : { roles }),
      ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
      allowAdmin: await confirmAdmin(io, roles ?? request.roles, values['yes-admin'] === true),
      output: savePathRef(resolve(io.cwd, values.output), values.force === true),
    });
    if (json) {
      printJson(io, result);
      return ExitCode.ok;
    }
    writeLine(io.stdout, `granted: ${result.roles.join(', ')}`);
    for (const note of result.notes) writeLine(io.stdout, `note: ${note}`);
    writeLine(
      io.stdout,
      `wrote the certificate to ${result.path} (valid ${result.notBefore} .. ${result.notAfter}, serial ${result.serial}); send it back to the requester for \`talcred accept\``,
    );
    return ExitCode.ok;
  },
};

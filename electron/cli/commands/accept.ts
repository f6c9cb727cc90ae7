import { resolve } from 'node:path';
import { UsageError } from '../../../shared/user-error.js';
import { pathRef } from '../../../shared/contract/file-ref.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine } from '../io.js';
import { openServices } from '../vault-access.js';
import { listOption } from './issue.js';
import { requireAddresses } from '../../../shared/talosconfig/field-checks.js';
import { quoteName } from '../../../shared/quote-name.js';

const help = `Usage: talcred accept CERT.pem [--ca CA.pem] [--endpoints A,B] [--nodes A,B] [--json]

Completes a pending request (\`talcred request\`) with the certificate its signer sent back: the
certificate must be for the key the vault kept (matched by public key), and becomes a vault context named
as the request (NAME-1 if taken). For a renewal request (\`talcred renew NAME --request\`) it replaces
NAME's certificate and key in place instead, checked against NAME's own CA.

  --ca CA.pem      the cluster's CA certificate (default: the stored CA that signed it)
  --endpoints A,B  default: those of a vault context of the same cluster
  --nodes A,B      default: those of a vault context of the same cluster
  --json           {"request", "storedAs", "renewed", "item"} (item as \`talcred show --json\`)`;

export const acceptCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('accept', argv, {
      ca: { type: 'string' },
      endpoints: { type: 'string', multiple: true },
      nodes: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('accept takes one certificate file (see `talcred accept --help`)');
    const endpoints = listOption(values.endpoints);
    const nodes = listOption(values.nodes);
    requireAddresses('endpoint', endpoints ?? []);
    requireAddresses('node', nodes ?? []);
    const result = await openServices(io, globals).issuing.accept({
      cert: pathRef(resolve(io.cwd, file)),
      ...(values.ca === undefined ? {} : { ca: pathRef(resolve(io.cwd, values.ca)) }),
      ...(endpoints === undefined ? {} : { endpoints }),
      ...(nodes === undefined ? {} : { nodes }),
    });
    if (values.json === true) printJson(io, result);
    else if (result.renewed) {
      writeLine(
        io.stdout,
        `renewed ${quoteName(result.storedAs)} in place: ${result.item.cert?.roles.join(', ') ?? '-'}, valid until ${result.item.cert?.notAfter ?? '-'}`,
      );
    } else {
      const cert = result.item.cert;
      writeLine(
        io.stdout,
        `stored ${quoteName(result.storedAs)} (request ${quoteName(result.request)}): ${cert?.roles.join(', ') ?? '-'}, valid until ${cert?.notAfter ?? '-'}`,
      );
      if (result.storedAs !== result.request)
        writeLine(
          io.stderr,
          `renamed talosconfig context ${quoteName(result.request)} -> ${quoteName(result.storedAs)} (the name was taken)`,
        );
    }
    return ExitCode.ok;
  },
};

import { parseDuration } from '../../../shared/duration.js';
import type { DoctorResult } from '../../../shared/contract/issuing-contract.js';
import { parseCommandArgs } from '../args.js';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, writeLine, type CliIo } from '../io.js';
import { openServices } from '../vault-access.js';

const help = `Usage: talcred doctor [NAME...] [--online [--timeout DURATION]] [--json]

Checks vault contexts (all, or those named): the offline findings of \`talcred list\`, and with --online
a live check of every endpoint (port 50000 unless given): TCP reachability, a TLS 1.3 handshake presenting
the context's client certificate, and the node's certificate verified against the context's ca. Each
failure is named: unreachable, tls-handshake-failed: <reason>, server-cert-untrusted,
server-name-mismatch. Connects only to the endpoints the contexts list.

  --online            also check each endpoint over the network
  --timeout DURATION  per endpoint (default 5s)
  --json              {"ok", "contexts": [{"name", "cluster", "findings", "probes", "skipped"}]}

Exit status: 0 when all is well, 1 when any finding is an error or any check failed.`;

function printDoctor(io: CliIo, result: DoctorResult): void {
  if (result.contexts.length === 0) writeLine(io.stdout, 'the vault is empty: `talcred import FILE`');
  for (const context of result.contexts) {
    writeLine(io.stdout, `${context.name}${context.cluster === null ? '' : ` (cluster ${context.cluster})`}`);
    for (const finding of context.findings)
      writeLine(io.stdout, `  ${finding.severity.padEnd(7)} ${finding.code}: ${finding.message}`);
    for (const probe of context.probes ?? []) {
      if (probe.tls === 'ok')
        writeLine(
          io.stdout,
          `  ok      ${probe.endpoint}: reachable, TLS 1.3 with this certificate, server trusted`,
        );
      for (const finding of probe.findings)
        writeLine(io.stdout, `  FAIL    ${finding.code}: ${finding.message}`);
    }
    if (context.skipped !== null) writeLine(io.stdout, `  skipped online check: ${context.skipped}`);
    if (context.findings.length === 0 && context.probes === null) writeLine(io.stdout, '  no findings');
  }
  writeLine(io.stdout, result.ok ? 'all good' : 'problems found');
}

export const doctorCommand: CliCommand = {
  help,
  async run(argv, io, globals) {
    const { values, positionals } = parseCommandArgs('doctor', argv, {
      online: { type: 'boolean' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    const result = await openServices(io, globals).issuing.doctor({
      names: positionals,
      online: values.online === true,
      ...(values.timeout === undefined ? {} : { timeoutMs: parseDuration(values.timeout) * 1000 }),
    });
    if (values.json === true) printJson(io, result);
    else printDoctor(io, result);
    return result.ok ? ExitCode.ok : ExitCode.no;
  },
};

import type { ContextReport } from '../../shared/context-report.js';
import { isoDate, relativeTime } from '../../shared/relative-time.js';
import { formatTable } from './io.js';

const AUTH_LABEL: Record<ContextReport['auth'], string> = {
  mtls: '',
  basic: '(basic auth)',
  siderov1: '(Omni)',
  none: '(no credentials)',
};

function listCell(values: readonly string[], limit = 3): string {
  if (values.length === 0) return '-';
  const shown = values.slice(0, limit).join(',');
  return values.length > limit ? `${shown},...` : shown;
}

function expiryCell(report: ContextReport, now: Date): string {
  if (!report.cert) return '-';
  return `${isoDate(report.cert.notAfter)} (${relativeTime(new Date(report.cert.notAfter), now)})`;
}

function rolesCell(report: ContextReport): string {
  if (!report.cert) return AUTH_LABEL[report.auth] || '-';
  return report.cert.roles.length === 0 ? '(none)' : report.cert.roles.join(',');
}

/**
 * A vault context also knows its cluster (the stored CA its `ca` holds, null when none) and, while it is an
 * elevation, where it was raised from and until when.
 */
type ReportRow = ContextReport & {
  cluster?: string | null;
  elevation?: { from: string; roles: string[]; notAfter: string } | null;
};

function elevationLines(reports: readonly ReportRow[], now: Date): string[] {
  return reports.flatMap((report) =>
    report.elevation
      ? [
          `elevated: ${report.name} (from ${report.elevation.from}, ${report.elevation.roles.join(',')}) ends ${relativeTime(new Date(report.elevation.notAfter), now)}; \`talcred elevate --end ${report.elevation.from}\` ends it now`,
        ]
      : [],
  );
}

/**
 * The table talosctl's `config contexts` prints, plus roles and expiry (and, for vault contexts, the
 * cluster), then every finding.
 */
export function formatContextReports(
  reports: readonly ReportRow[],
  now: Date,
  options: { cluster?: boolean } = {},
): string[] {
  const withCluster = options.cluster === true;
  const table = formatTable(
    ['CURRENT', 'NAME', ...(withCluster ? ['CLUSTER'] : []), 'ENDPOINTS', 'NODES', 'ROLES', 'EXPIRES'],
    reports.map((report) => [
      report.current ? '*' : '',
      report.name,
      ...(withCluster ? [report.cluster ?? '-'] : []),
      listCell(report.endpoints),
      listCell(report.nodes),
      rolesCell(report),
      expiryCell(report, now),
    ]),
  );
  const findings = reports
    .filter((report) => report.findings.length > 0)
    .flatMap((report) => [
      '',
      `${report.name}:`,
      ...report.findings.map(
        (finding) => `  ${finding.severity.padEnd(7)} ${finding.code.padEnd(26)} ${finding.message}`,
      ),
    ]);
  if (reports.length === 0) return ['no contexts'];
  const elevated = elevationLines(reports, now);
  const head = elevated.length === 0 ? table : [...table, '', ...elevated];
  return findings.length === 0 ? [...head, '', 'no findings'] : [...head, ...findings];
}

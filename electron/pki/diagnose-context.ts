import { relativeTime } from '../../shared/relative-time.js';
import type { CaFacts, CertFacts, ContextReport } from '../../shared/context-report.js';
import type { CredentialFacts } from '../../shared/credential-facts.js';
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  type Finding,
  type FindingCode,
  type Severity,
} from '../../shared/findings.js';
import { authKind, type TalosContext } from '../../shared/talosconfig/model.js';
import { readCredentialFacts } from './credential-facts.js';
import { contextPath } from '../../shared/talosconfig/context-path.js';
import { isExpiringSoon, type Validity } from '../../shared/expiry-window.js';
import { quoteName } from '../../shared/quote-name.js';

export interface DiagnoseOptions {
  now: Date;
  current: boolean;
  /**
   * The warning window in days (`…-expiring-soon`), capped by a third of each certificate's lifetime
   * (shared/expiry-window.ts).
   */
  expiryWarningDays?: number;
  /** For a vault context: whether a CA stored in the vault can renew its certificate. */
  renewal?: 'renewable' | 'ca-elsewhere' | undefined;
}

const severityOf: Readonly<Record<FindingCode, Severity>> = {
  'cert-expired': 'error',
  'cert-expiring-soon': 'warning',
  'cert-not-yet-valid': 'error',
  'key-mismatch': 'error',
  'cert-not-signed-by-ca': 'error',
  'eku-not-client-auth-only': 'error',
  'no-roles': 'error',
  'unknown-role': 'warning',
  'impersonator-role': 'warning',
  'admin-role': 'info',
  'no-endpoints': 'warning',
  'ca-expired': 'error',
  'ca-expiring-soon': 'warning',
  'missing-key': 'error',
  'missing-crt': 'error',
  'invalid-base64': 'error',
  'invalid-pem': 'error',
  'unsupported-key': 'error',
};

const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

type Field = CredentialFacts['problems'][number]['field'];

/** What one diagnosis collects; findings are appended as they are found. */
interface Diagnosis {
  context: TalosContext;
  options: DiagnoseOptions;
  findings: Finding[];
}

function fieldPath(diagnosis: Diagnosis, field: Field): string {
  return `${contextPath(diagnosis.context.name)}.${field}`;
}

function add(diagnosis: Diagnosis, code: FindingCode, message: string): void {
  diagnosis.findings.push({ code, severity: severityOf[code], message });
}

/**
 * Everything this product can tell about a context without the network: identity, roles, validity, CA, and
 * what is wrong (DESIGN.md "Findings"). A broken field becomes a finding, never an exception, so one bad
 * context never hides the others.
 */
export function diagnoseContext(context: TalosContext, options: DiagnoseOptions): ContextReport {
  return diagnoseFromFacts(context, readCredentialFacts(context), options);
}

/**
 * diagnoseContext over facts read before (electron/pki/credential-facts.ts, kept by the vault): only the
 * findings that move with the clock, and the messages, are made here, in microseconds.
 */
export function diagnoseFromFacts(
  context: TalosContext,
  facts: CredentialFacts,
  options: DiagnoseOptions,
): ContextReport {
  const diagnosis: Diagnosis = { context, options, findings: [] };
  const auth = authKind(context);
  addProblem(diagnosis, facts, 'ca');
  const ca = (facts.ca ?? []).map((entry, index, all) => diagnoseCa(diagnosis, entry, index, all.length));
  const cert = auth === 'mtls' ? diagnoseClientCredentials(diagnosis, facts) : null;
  if (context.endpoints.length === 0) {
    add(
      diagnosis,
      'no-endpoints',
      `${contextPath(context.name)}.endpoints: empty — talosctl has nowhere to connect; add the control-plane addresses (talosctl config endpoint, or edit the context)`,
    );
  }
  // Errors first; sort is stable, so findings keep the order they were found in within a severity.
  const findings = diagnosis.findings.toSorted((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return {
    name: context.name,
    current: options.current,
    endpoints: [...context.endpoints],
    nodes: [...context.nodes],
    auth,
    cert,
    ca,
    findings,
  };
}

/** The finding for a field that could not be read, with the field's path as the context is named now. */
function addProblem(diagnosis: Diagnosis, facts: CredentialFacts, field: Field): void {
  for (const problem of facts.problems) {
    if (problem.field !== field) continue;
    add(
      diagnosis,
      problem.code,
      problem.prefixed ? `${fieldPath(diagnosis, field)}: ${problem.detail}` : problem.detail,
    );
  }
}

function diagnoseClientCredentials(diagnosis: Diagnosis, facts: CredentialFacts): CertFacts | null {
  const { context } = diagnosis;
  const crtPath = fieldPath(diagnosis, 'crt');
  const keyPath = fieldPath(diagnosis, 'key');
  if (context.crt !== '' && context.key === '') {
    add(
      diagnosis,
      'missing-key',
      `${keyPath}: missing while ${crtPath} is set — talosctl needs both; re-import the talosconfig with its key`,
    );
  }
  if (context.key !== '' && context.crt === '') {
    add(
      diagnosis,
      'missing-crt',
      `${crtPath}: missing while ${keyPath} is set — talosctl needs both; re-import the talosconfig with its certificate`,
    );
  }
  addProblem(diagnosis, facts, 'key');
  addProblem(diagnosis, facts, 'crt');
  const { cert } = facts;
  if (cert === null) return null;
  if (facts.keyMatches === false) addKeyMismatch(diagnosis);
  checkValidity(diagnosis, cert);
  if (facts.ca !== null) checkIssuer(diagnosis, facts.ca, facts.signers);
  checkExtKeyUsage(diagnosis, cert);
  checkRoles(diagnosis, cert);
  return cert;
}

function addKeyMismatch(diagnosis: Diagnosis): void {
  add(
    diagnosis,
    'key-mismatch',
    `${fieldPath(diagnosis, 'key')}: does not belong to the certificate in ${fieldPath(diagnosis, 'crt')} — the TLS handshake will fail; import the matching key or issue a new certificate`,
  );
}

function timeLeft(notAfter: string, now: Date): string {
  return relativeTime(new Date(notAfter), now);
}

function expiresSoon(validity: Validity, diagnosis: Diagnosis): boolean {
  const warningDays = diagnosis.options.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  return isExpiringSoon(validity, warningDays, diagnosis.options.now);
}

/** What to do about a client certificate that has expired or soon will, as far as this vault can help. */
function renewalAdvice(diagnosis: Diagnosis): string {
  const name = quoteName(diagnosis.context.name);
  switch (diagnosis.options.renewal) {
    case 'renewable':
      return `renew it with \`talcred renew ${name}\` (its CA is in this vault)`;
    case 'ca-elsewhere':
      return `its CA is not in this vault: \`talcred ca import\` the cluster's CA and renew, or \`talcred renew ${name} --request -o renew.csr\` for whoever holds it`;
    case undefined:
      return 'issue a new talosconfig for this context';
  }
}

function checkValidity(diagnosis: Diagnosis, facts: CertFacts): void {
  const crtPath = fieldPath(diagnosis, 'crt');
  const now = diagnosis.options.now.getTime();
  if (now < Date.parse(facts.notBefore)) {
    add(
      diagnosis,
      'cert-not-yet-valid',
      `${crtPath}: not valid before ${facts.notBefore} — check this computer's clock, or wait until then`,
    );
  } else if (now >= Date.parse(facts.notAfter)) {
    // Users mistake this for the cluster's own certificates expiring (siderolabs/omni #1185): say whose it is.
    add(
      diagnosis,
      'cert-expired',
      `${crtPath}: the client certificate expired at ${facts.notAfter} (the cluster's own certificates are not affected) — ${renewalAdvice(diagnosis)}`,
    );
  } else if (expiresSoon(facts, diagnosis)) {
    add(
      diagnosis,
      'cert-expiring-soon',
      `${crtPath}: the client certificate expires at ${facts.notAfter} (${timeLeft(facts.notAfter, diagnosis.options.now)}) — ${renewalAdvice(diagnosis)}`,
    );
  }
}

function checkIssuer(diagnosis: Diagnosis, ca: readonly CaFacts[], signers: readonly string[]): void {
  // An empty `ca` means the system roots (Omni): nothing here to check against.
  if (ca.length === 0 || ca.some((facts) => signers.includes(facts.fingerprintSha256))) return;
  add(
    diagnosis,
    'cert-not-signed-by-ca',
    `${fieldPath(diagnosis, 'crt')}: not signed by any CA in ${fieldPath(diagnosis, 'ca')} — the certificate and the CA come from different clusters, or the CA was rotated; import a talosconfig issued by the cluster's current CA`,
  );
}

function checkExtKeyUsage(diagnosis: Diagnosis, facts: CertFacts): void {
  if (facts.extKeyUsage.length === 1 && facts.extKeyUsage[0] === 'clientAuth') return;
  const has =
    facts.extKeyUsage.length === 0
      ? 'no extended key usage'
      : `extended key usage ${facts.extKeyUsage.join(', ')}`;
  // Talos 1.12+ refuses client certificates whose EKU is not exactly [clientAuth] (siderolabs/talos #12870).
  add(
    diagnosis,
    'eku-not-client-auth-only',
    `${fieldPath(diagnosis, 'crt')}: has ${has}; Talos 1.12 and later accept only clientAuth — issue a new talosconfig for this context`,
  );
}

function checkRoles(diagnosis: Diagnosis, facts: CertFacts): void {
  const crtPath = fieldPath(diagnosis, 'crt');
  if (facts.roles.length === 0) {
    add(
      diagnosis,
      'no-roles',
      `${crtPath}: the certificate carries no roles, so Talos refuses every call ("not authorized") — issue a new talosconfig with the roles needed`,
    );
  }
  if (facts.unknownRoles.length > 0) {
    add(
      diagnosis,
      'unknown-role',
      `${crtPath}: unknown role${facts.unknownRoles.length > 1 ? 's' : ''} ${facts.unknownRoles.join(', ')} — Talos grants nothing for a role it does not know; check the spelling or the Talos version that introduced it`,
    );
  }
  if (facts.roles.includes('os:impersonator')) {
    add(
      diagnosis,
      'impersonator-role',
      `${crtPath}: os:impersonator may claim any role per request, so this credential is as powerful as os:admin — keep it as safe as an admin talosconfig`,
    );
  }
  if (facts.roles.includes('os:admin')) {
    add(
      diagnosis,
      'admin-role',
      `${crtPath}: os:admin allows every API, including secrets and machine configuration — use a narrower role where admin is not needed`,
    );
  }
}

function diagnoseCa(diagnosis: Diagnosis, facts: CaFacts, index: number, count: number): CaFacts {
  const which =
    count > 1
      ? `CA certificate ${index + 1} of ${count} (${facts.subject})`
      : `the CA certificate (${facts.subject})`;
  const caPath = fieldPath(diagnosis, 'ca');
  if (diagnosis.options.now.getTime() >= Date.parse(facts.notAfter)) {
    add(
      diagnosis,
      'ca-expired',
      `${caPath}: ${which} expired at ${facts.notAfter} — talosctl cannot verify the cluster with it; import a talosconfig with the cluster's current CA`,
    );
  } else if (expiresSoon(facts, diagnosis)) {
    add(
      diagnosis,
      'ca-expiring-soon',
      `${caPath}: ${which} expires at ${facts.notAfter} (${timeLeft(facts.notAfter, diagnosis.options.now)}) — rotate the cluster's OS CA (talosctl rotate-ca) and issue new talosconfigs`,
    );
  }
  return facts;
}

import type { LifecycleArgs, RenewDueResult, Renewal } from '../../../shared/contract/lifecycle-contract.js';
import { UserError } from '../../../shared/user-error.js';
import { isExpiringSoon } from '../../../shared/expiry-window.js';
import type { VaultContext, VaultDocument } from '../../../shared/vault/vault-document.js';
import {
  CLOCK_SKEW_SECONDS,
  issueClientCertificate,
  type IssuedCertificate,
} from '../../pki/issue-certificate.js';
import { encodeBase64Field } from '../../pki/pem.js';
import { capNote } from '../../pki/sign-csr.js';
import { generatedKeyType, keyFamily } from '../../pki/signing-key.js';
import { isoSeconds } from '../../pki/certificate-facts.js';
import { commitChange, fileHoldsAny } from '../commit-change.js';
import { logEntry } from '../issuing/issuance-log.js';
import { clientCertificateOf } from '../renewal-check.js';
import type { ServiceDeps } from '../service-deps.js';
import { viewedByTalosctl } from '../talosctl-current.js';
import { requireContext } from '../vault-lookup.js';
import { issuerOf, organizationsOf, renewalPlan, type RenewalPlan } from './renewal-plan.js';

interface Fresh {
  plan: RenewalPlan;
  issued: IssuedCertificate;
  keyPem: string;
  renewal: Renewal;
}

/** What a dry run reports: the certificate the renewal would issue now, without issuing it. */
function projected(plan: RenewalPlan, now: Date): Renewal {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const caEnd = Math.floor(Date.parse(plan.signer.cert.validTo) / 1000);
  const end = Math.min(nowSeconds + plan.lifetimeSeconds, caEnd);
  return {
    ...summaryOf(plan),
    serial: null,
    notBefore: isoSeconds(new Date((nowSeconds - CLOCK_SKEW_SECONDS) * 1000)),
    notAfter: isoSeconds(new Date(end * 1000)),
    keyType: generatedKeyType[keyFamily(plan.signer.cert.publicKey, 'CA certificate')],
    notes:
      end < nowSeconds + plan.lifetimeSeconds
        ? [...plan.notes, capNote(isoSeconds(new Date(end * 1000)))]
        : plan.notes,
  };
}

function summaryOf(plan: RenewalPlan) {
  return {
    context: plan.entry.context.name,
    ca: plan.signer.ca.name,
    roles: [...plan.organizations],
    identity: plan.identity,
    replaces: plan.replaces,
    lifetimeSeconds: plan.lifetimeSeconds,
    talosconfigRewritten: false,
  };
}

async function issueRenewal(plan: RenewalPlan, now: Date): Promise<Fresh> {
  const issued = await issueClientCertificate({
    caCertPem: plan.signer.ca.certPem,
    caKeyPem: plan.signer.ca.keyPem,
    roles: plan.roles,
    subjectDer: plan.subject,
    ttlSeconds: plan.lifetimeSeconds,
    now,
  });
  if (issued.keyPem === undefined) throw new Error('renew: no key was generated');
  return {
    plan,
    issued,
    keyPem: issued.keyPem,
    renewal: {
      ...summaryOf(plan),
      serial: issued.serialHex,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      keyType: issued.keyType,
      notes: issued.cappedAtCaExpiry ? [...plan.notes, capNote(issued.notAfter)] : plan.notes,
    },
  };
}

/**
 * Replaces each renewed context's crt and key in one vault write — same name, endpoints, nodes, `ca`,
 * labels and note — logs the new certificates with the serial they renew, and rewrites talosctl's file if
 * it holds any of them.
 */
async function commitRenewals(deps: ServiceDeps, fresh: readonly Fresh[], now: Date): Promise<Renewal[]> {
  const byName = new Map(fresh.map((item) => [item.plan.entry.context.name, item]));
  const names = [...byName.keys()];
  const before = await viewedByTalosctl(deps);
  const { talosconfigRewritten } = await commitChange(deps, names, (current) => {
    for (const name of names) requireContext(current, name);
    const contexts = current.contexts.map((entry): VaultContext => {
      const item = byName.get(entry.context.name);
      if (item === undefined) return entry;
      return {
        ...entry,
        context: {
          ...entry.context,
          crt: encodeBase64Field(item.issued.certPem),
          key: encodeBase64Field(item.keyPem),
        },
      };
    });
    const logged = fresh.map((item) =>
      logEntry(item.issued, item.plan.signer.ca, {
        roles: item.plan.roles,
        identity: item.plan.identity,
        context: item.plan.entry.context.name,
        exportedTo: [],
        issuedAt: now,
        renews: item.plan.replaces.serial,
      }),
    );
    return { ...current, contexts, issued: [...current.issued, ...logged] };
  });
  return fresh.map((item) => ({
    ...item.renewal,
    talosconfigRewritten: talosconfigRewritten && fileHoldsAny(before, [item.plan.entry.context.name]),
  }));
}

export async function renewContexts(deps: ServiceDeps, args: LifecycleArgs<'renew'>) {
  const document = await deps.store.read();
  const names = [...new Set(args.names)];
  // Every named context is checked before anything is issued: one that cannot be renewed stops them all.
  const plans = names.map((name) =>
    renewalPlan(document, requireContext(document, name), {
      ttlSeconds: args.ttlSeconds,
      allowAdmin: args.allowAdmin,
    }),
  );
  const now = deps.now();
  if (args.dryRun) return { dryRun: true, renewed: plans.map((plan) => projected(plan, now)) };
  const fresh = await Promise.all(plans.map((plan) => issueRenewal(plan, now)));
  return { dryRun: false, renewed: await commitRenewals(deps, fresh, now) };
}

/** Inside its warning window, or expired: a renewal is due. */
export function isDue(document: VaultDocument, entry: VaultContext, now: Date): boolean {
  const leaf = clientCertificateOf(entry.context);
  if (leaf === null) return false;
  const validity = {
    notBefore: new Date(leaf.validFrom).toISOString(),
    notAfter: new Date(leaf.validTo).toISOString(),
  };
  return (
    Date.parse(validity.notAfter) <= now.getTime() ||
    isExpiringSoon(validity, document.settings.expiryWarningDays, now)
  );
}

/** `renew --due` and the app's auto-renewal: every due context, each renewed or said why not. */
export async function renewDue(deps: ServiceDeps, args: LifecycleArgs<'renewDue'>): Promise<RenewDueResult> {
  const document = await deps.store.read();
  const now = deps.now();
  const result: RenewDueResult = {
    dryRun: args.dryRun,
    renewed: [],
    notRenewable: [],
    needsAdmin: [],
    failed: [],
  };
  const plans: RenewalPlan[] = [];
  for (const entry of document.contexts) {
    if (!isDue(document, entry, now)) continue;
    // Elevations are short by design and end on their own; renewing one would defeat it.
    if (document.elevations.some((elevation) => elevation.context === entry.context.name)) continue;
    try {
      plans.push(renewalPlan(document, entry, { allowAdmin: args.allowAdmin }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const leaf = clientCertificateOf(entry.context);
      if (error.code === 'not-renewable' && leaf !== null) {
        result.notRenewable.push({
          context: entry.context.name,
          notAfter: isoSeconds(new Date(leaf.validTo)),
          expired: Date.parse(leaf.validTo) <= now.getTime(),
          issuer: issuerOf(entry, leaf),
        });
      } else if (error.code === 'admin-needs-confirmation' && leaf !== null) {
        result.needsAdmin.push({ context: entry.context.name, roles: organizationsOf(leaf) });
      } else {
        result.failed.push({ context: entry.context.name, code: error.code, message: error.message });
      }
    }
  }
  if (args.dryRun) {
    result.renewed = plans.map((plan) => projected(plan, now));
    return result;
  }
  const fresh: Fresh[] = [];
  for (const plan of plans) {
    try {
      fresh.push(await issueRenewal(plan, now));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      result.failed.push({ context: plan.entry.context.name, code: error.code, message: error.message });
    }
  }
  if (fresh.length > 0) result.renewed = await commitRenewals(deps, fresh, now);
  return result;
}

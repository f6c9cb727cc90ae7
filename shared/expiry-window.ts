const dayMs = 86_400_000;

export interface Validity {
  notBefore: string;
  notAfter: string;
}

/**
 * How long before expiry a certificate starts to warn: the smaller of the vault's warning window and a
 * third of the certificate's own lifetime. A flat window would make every short-lived credential (the
 * kind Talos recommends) warn from the moment it is issued; a third of the lifetime leaves time to renew
 * a long one and stays quiet on a fresh 8-hour one.
 */
export function warningWindowMs(validity: Validity, warningDays: number): number {
  const lifetime = Date.parse(validity.notAfter) - Date.parse(validity.notBefore);
  return Math.min(warningDays * dayMs, Math.max(0, lifetime) / 3);
}

/** Unexpired, but inside its warning window. */
export function isExpiringSoon(validity: Validity, warningDays: number, now: Date): boolean {
  const left = Date.parse(validity.notAfter) - now.getTime();
  return left > 0 && left < warningWindowMs(validity, warningDays);
}

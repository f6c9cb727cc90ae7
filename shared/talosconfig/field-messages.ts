import { quoteName } from '../quote-name.js';
import { UsageError } from '../user-error.js';
import { newContextNameProblem } from './context-name.js';
import { addressProblem } from './endpoint-address.js';

/**
 * The checks on endpoints, nodes and new context names as messages and throwing checks. No schema here:
 * the renderer checks fields as they are typed and must not carry zod (its bundle has a budget); the
 * contract's schemas are built on these in field-checks.ts, so both give the same message.
 */

export type AddressKind = 'endpoint' | 'node';

/** `"bad host!" is not an address: …`, or null for a good address. */
export function addressValueMessage(value: string): string | null {
  const problem = addressProblem(value);
  return problem === null ? null : `${quoteName(value)} is not an address: ${problem}`;
}

export function addressMessage(kind: AddressKind, value: string): string | null {
  const message = addressValueMessage(value);
  return message === null ? null : `${kind} ${message}`;
}

export function requireAddresses(kind: AddressKind, values: readonly string[]): void {
  for (const value of values) {
    const message = addressMessage(kind, value);
    if (message !== null) throw new UsageError(message, `invalid-${kind}`);
  }
}

export function newContextNameMessage(name: string): string | null {
  const problem = newContextNameProblem(name);
  return problem === null ? null : `context name ${quoteName(name)}: ${problem}`;
}

export function requireNewContextName(name: string): void {
  const message = newContextNameMessage(name);
  if (message !== null) throw new UsageError(message, 'invalid-name');
}

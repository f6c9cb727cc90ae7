import { z } from 'zod';
import { quoteName } from '../quote-name.js';
import { UsageError } from '../user-error.js';
import { newContextNameProblem } from './context-name.js';
import { addressProblem } from './endpoint-address.js';

/**
 * The checks on endpoints, nodes and new context names, in the two forms callers need: a zod schema for
 * the contract (every transport parses its arguments with it) and a throwing check for callers that want
 * the failure's own code. Both give the same message, which names the argument.
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

const addressSchema = (kind: AddressKind) =>
  z.string().superRefine((value, context) => {
    const message = addressMessage(kind, value);
    if (message !== null) context.addIssue({ code: 'custom', message, params: { code: `invalid-${kind}` } });
  });

export const endpointListSchema = z.array(addressSchema('endpoint'));
export const nodeListSchema = z.array(addressSchema('node'));

export const newContextNameSchema = z.string().superRefine((name, context) => {
  const message = newContextNameMessage(name);
  if (message !== null) context.addIssue({ code: 'custom', message, params: { code: 'invalid-name' } });
});

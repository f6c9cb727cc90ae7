import { z } from 'zod';
import { addressMessage, newContextNameMessage, type AddressKind } from './field-messages.js';

/**
 * The checks on endpoints, nodes and new context names as zod schemas for the contract (every transport
 * parses its arguments with them), over the messages of field-messages.ts, so a schema and a throwing
 * check give the same message, which names the argument.
 */
export {
  addressMessage,
  addressValueMessage,
  newContextNameMessage,
  requireAddresses,
  requireNewContextName,
  type AddressKind,
} from './field-messages.js';

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

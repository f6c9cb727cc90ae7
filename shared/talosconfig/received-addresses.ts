import { contextPath } from './context-path.js';
import { addressValueMessage } from './field-checks.js';
import type { TalosConfig } from './model.js';
import { TalosconfigError } from './talosconfig-error.js';

/**
 * Endpoints and nodes of a received talosconfig, checked before it is imported: they end up in talosctl's
 * file, and a bad one there is what talosctl (or the next reader of the file) trips over, far from the file
 * it came from. The message names the file, the context and the field.
 */
export function checkReceivedAddresses(config: TalosConfig, source: string): void {
  for (const context of config.contexts) {
    for (const [field, kind, values] of [
      ['endpoints', 'endpoint', context.endpoints],
      ['nodes', 'node', context.nodes],
    ] as const) {
      for (const value of values) {
        const message = addressValueMessage(value);
        if (message === null) continue;
        throw new TalosconfigError(
          `invalid-${kind}`,
          source,
          `${contextPath(context.name)}.${field}`,
          message,
        );
      }
    }
  }
}

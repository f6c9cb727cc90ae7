import { dialogOperations } from './dialogs-contract.js';
import { issuingOperations } from './issuing-contract.js';
import { lifecycleOperations } from './lifecycle-contract.js';
import type { AreaClient, AreaSpec } from './operation.js';
import { sweepOperations } from './sweep-contract.js';
import { vaultOperations } from './vault-contract.js';

/**
 * THE registry of operations (DESIGN.md "One contract, three transports"). The main-side services
 * implement `vault`, `issuing` and `sweep`; the shell implements `dialogs`. The preload bridge, the IPC handlers,
 * the CLI and the e2e harness are all built from this object, and their types derived from it.
 */
export const registry = {
  vault: vaultOperations,
  issuing: issuingOperations,
  lifecycle: lifecycleOperations,
  sweep: sweepOperations,
  dialogs: dialogOperations,
} as const satisfies Record<string, AreaSpec>;

export type Registry = typeof registry;
export type AreaName = keyof Registry;

/** The areas the services implement (everything but the shell's dialogs). */
export type ServiceAreaName = Exclude<AreaName, 'dialogs'>;
export const serviceAreaNames = [
  'vault',
  'issuing',
  'lifecycle',
  'sweep',
] as const satisfies readonly ServiceAreaName[];

export type Services = { readonly [Area in ServiceAreaName]: AreaClient<Registry[Area]> };

/** Area → operation names, as the preload bridge and the e2e harness build `window.talos`. */
export function operationNames(): Record<AreaName, string[]> {
  return {
    vault: Object.keys(registry.vault),
    issuing: Object.keys(registry.issuing),
    lifecycle: Object.keys(registry.lifecycle),
    sweep: Object.keys(registry.sweep),
    dialogs: Object.keys(registry.dialogs),
  };
}

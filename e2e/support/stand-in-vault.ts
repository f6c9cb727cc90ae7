import type { ContextItem, Status } from '../../shared/contract/vault-contract.js';
import { status as statusOf } from '../../tests/support/context-items.js';
import type { TalosCall } from '../harness/talos-bridge.js';

/*
 * TEMPORARY: an in-memory stand-in for the vault service, just enough to prove the harness and draw each
 * screen. It is replaced by the real IPC wrapper over the real services (electron/ipc.ts +
 * electron/service/create-services.ts) once the contract registry lands; nothing here is the product.
 */

export interface StandInState {
  exists: boolean;
  keySource: 'keychain' | 'passphrase';
  locked: boolean;
  passphrase: string;
  contexts: ContextItem[];
  talosconfigReadOnly: boolean;
  /** A code `list` fails with (e.g. `vault-damaged`), to draw the error screen. */
  listFails: string | null;
  keychainAnswers: boolean;
}

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly remedy?: string,
  ) {
    super(message);
  }
}

export function standInState(facts: Partial<StandInState> = {}): StandInState {
  return {
    exists: true,
    keySource: 'keychain',
    locked: false,
    passphrase: 'correct horse battery staple',
    contexts: [],
    talosconfigReadOnly: false,
    listFails: null,
    keychainAnswers: true,
    ...facts,
  };
}

function currentName(state: StandInState): string {
  return state.contexts.find((item) => item.current)?.name ?? '';
}

function status(state: StandInState): Status {
  return statusOf({
    exists: state.exists,
    keySource: state.exists ? state.keySource : null,
    contexts: state.contexts.length,
    current: currentName(state),
    talosconfig: { path: '/home/ada/.talos/config', readOnly: state.talosconfigReadOnly, source: 'default' },
  });
}

function field(args: unknown, name: string): unknown {
  return typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[name] : undefined;
}

/** The stand-in's `call(area, operation, args)`, over `state` (which a test may change between calls). */
export function standInCall(state: StandInState): TalosCall {
  return (area, operation, args) => {
    const unlocked = () => {
      if (!state.exists) throw new StandInError('vault-missing', 'There is no vault yet.');
      if (state.locked) throw new StandInError('vault-locked', 'The vault is locked.');
    };
    switch (`${area}.${operation}`) {
      case 'vault.status':
        return Promise.resolve(status(state));
      case 'vault.list':
        unlocked();
        if (state.listFails !== null) throw new StandInError(state.listFails, 'The vault could not be read.');
        return Promise.resolve(state.contexts);
      case 'vault.use': {
        unlocked();
        const name = field(args, 'name');
        if (state.talosconfigReadOnly) throw new StandInError('talosconfig-read-only', 'read-only file');
        state.contexts = state.contexts.map((item) => ({ ...item, current: item.name === name }));
        return Promise.resolve({ current: name, path: '/home/ada/.talos/config', mode: 'active' });
      }
      case 'vault.unlock':
        if (state.keySource === 'passphrase' && field(args, 'passphrase') !== state.passphrase) {
          throw new StandInError('wrong-passphrase', 'The passphrase does not open this vault.');
        }
        state.locked = false;
        return Promise.resolve({});
      case 'vault.lockVault':
        state.locked = true;
        return Promise.resolve({});
      case 'vault.init':
        if (field(args, 'keySource') === 'keychain' && !state.keychainAnswers) {
          throw new StandInError('keychain-unavailable', 'No Secret Service answered.');
        }
        state.exists = true;
        return Promise.resolve({ vaultPath: '/v', keySource: field(args, 'keySource') });
      default:
        throw new StandInError('unknown-operation', `${area}.${operation} is not in the stand-in`);
    }
  };
}

import {
  eventSchemas,
  type EventListener,
  type EventName,
  type EventPayload,
  type EventSource,
} from '../../shared/contract/events.js';

export interface EventHub extends EventSource {
  emit<Name extends EventName>(name: Name, payload: EventPayload<Name>): void;
  /** How many listeners are attached, so file watching runs only while someone listens. */
  listenerCount(): number;
}

/**
 * Listeners by event name. Payloads are checked against the contract before they go out, like results; a
 * listener that throws does not stop the others (one broken window must not silence the rest).
 */
export function createEventHub(onListenersChanged: (count: number) => void = () => undefined): EventHub {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const count = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return {
    subscribe<Name extends EventName>(name: Name, listener: EventListener<Name>) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      onListenersChanged(count());
      return () => {
        if (set.delete(wrapped)) onListenersChanged(count());
      };
    },
    emit(name, payload) {
      const checked = eventSchemas[name].parse(payload);
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(checked);
        } catch {
          // See above: the other listeners still hear it.
        }
      }
    },
    listenerCount: count,
  };
}

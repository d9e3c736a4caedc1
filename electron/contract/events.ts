import type { z } from 'zod';
import type { EventsDef } from './define';
import { parseOrThrow } from './validation';

export type EventListener = (name: string, payload: unknown) => void;

export interface EventHub<E extends EventsDef> {
  emit<K extends keyof E & string>(name: K, payload: z.input<E[K]>): void;
  subscribe(listener: EventListener): () => void;
}

/** Events are validated when emitted, so no transport ever carries an event the contract does not describe. */
export function createEventHub<E extends EventsDef>(events: E): EventHub<E> {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const schema = events[name];
      if (!schema) throw new Error(`unknown event ${name}`);
      const value = parseOrThrow(schema, payload, `event ${name}`);
      for (const listener of listeners) listener(name, value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

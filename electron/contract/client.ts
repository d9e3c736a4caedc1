import type { z } from 'zod';
import type { ContractDef, EventsDef, InputOf, MethodDef, OutputOf } from './define';
import { ContractError, type Result } from './errors';

/**
 * The transport under a client: in the app the preload's ipcRenderer bridge, in end-to-end tests
 * a Playwright binding, in unit tests the router itself. It carries only names and plain values.
 */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (name: string, payload: unknown) => void): () => void;
}

/** Methods whose input has only optional fields may be called with no argument. */
type MethodFn<M extends MethodDef> = Record<never, never> extends InputOf<M>
  ? (input?: InputOf<M>) => Promise<OutputOf<M>>
  : (input: InputOf<M>) => Promise<OutputOf<M>>;

export type Client<C extends ContractDef, E extends EventsDef> = {
  [D in keyof C]: { [M in keyof C[D]]: C[D][M] extends MethodDef ? MethodFn<C[D][M]> : never };
} & {
  on<K extends keyof E & string>(name: K, listener: (payload: z.output<E[K]>) => void): () => void;
};

/** Builds the typed client from the contract: a new method needs no change to any transport. */
export function createClient<C extends ContractDef, E extends EventsDef>(contract: C, _events: E, bridge: Bridge): Client<C, E> {
  const client: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(contract)) {
    const domainClient: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const name of Object.keys(methods)) {
      const full = `${domain}.${name}`;
      domainClient[name] = async (input?: unknown) => {
        const result = await bridge.invoke(full, input ?? {});
        if (!result.ok) throw new ContractError(result.error);
        return result.value;
      };
    }
    client[domain] = domainClient;
  }
  client.on = (name: string, listener: (payload: unknown) => void) =>
    bridge.on((eventName, payload) => {
      if (eventName === name) listener(payload);
    });
  return client as Client<C, E>;
}

/**
 * The PKCS#11 worker thread (DESIGN §3): every pkcs11js call blocks — a real token's login takes
 * seconds — so none of them runs on the main thread. Modules stay loaded here between calls.
 */
import { parentPort } from 'node:worker_threads';
import { Pkcs11Module, TokenDriverError } from './pkcs11Session';
import type { SignOnTokenRequest, SlotPresence, TokenFailure, TokenInfo } from './types';

export type TokenWorkerRequest =
  | { id: number; op: 'tokens'; module: string }
  | { id: number; op: 'presence'; module: string }
  | { id: number; op: 'sign'; request: SignOnTokenRequest }
  | { id: number; op: 'finalize'; module: string };

export type TokenWorkerResponse =
  | { id: number; ok: true; tokens?: TokenInfo[]; presence?: SlotPresence[]; signature?: Uint8Array }
  | { id: number; ok: false; failure: TokenFailure };

const modules = new Map<string, Pkcs11Module>();

function moduleFor(path: string): Pkcs11Module {
  let loaded = modules.get(path);
  if (!loaded) {
    loaded = new Pkcs11Module(path);
    modules.set(path, loaded);
  }
  return loaded;
}

function handle(message: TokenWorkerRequest): TokenWorkerResponse {
  switch (message.op) {
    case 'tokens':
      return { id: message.id, ok: true, tokens: moduleFor(message.module).tokens() };
    case 'presence':
      return { id: message.id, ok: true, presence: moduleFor(message.module).presence() };
    case 'sign':
      return { id: message.id, ok: true, signature: moduleFor(message.request.module).sign(message.request) };
    case 'finalize':
      modules.get(message.module)?.finalize();
      modules.delete(message.module);
      return { id: message.id, ok: true };
  }
}

parentPort?.on('message', (message: TokenWorkerRequest) => {
  let response: TokenWorkerResponse;
  try {
    response = handle(message);
  } catch (error) {
    const failure: TokenFailure = error instanceof TokenDriverError ? error.failure : { code: 'TOKEN_FAILED', details: { reason: (error as Error).message } };
    response = { id: message.id, ok: false, failure };
  }
  parentPort?.postMessage(response);
});

/**
 * The PKCS#11 worker thread's message loop (DESIGN §3): every pkcs11js call blocks — a real token's
 * login takes seconds — so none of them runs on the main thread. Modules stay loaded here between
 * calls. An entry file calls `serveTokenWorker`, optionally with jobs of its own (the signing
 * service's worker adds PDF assembly + CMS, so they leave the main thread too).
 */
import { parentPort } from 'node:worker_threads';
import { ContractError, type ContractErrorValue } from '../../electron/contract/errors';
import { Pkcs11Module, TokenDriverError } from './pkcs11Session';
import type { SignOnTokenRequest, SlotPresence, TokenFailure, TokenInfo } from './types';

export type TokenWorkerRequest =
  | { id: number; op: 'job'; name: string; payload: unknown }
  | { id: number; op: 'tokens'; module: string }
  | { id: number; op: 'presence'; module: string }
  | { id: number; op: 'sign'; request: SignOnTokenRequest }
  | { id: number; op: 'finalize'; module: string };

export type TokenWorkerResponse =
  | { id: number; ok: true; tokens?: TokenInfo[]; presence?: SlotPresence[]; signature?: Uint8Array; result?: unknown }
  | { id: number; ok: false; failure: TokenFailure }
  | { id: number; ok: false; contractError: ContractErrorValue };

/** A job of the entry file: runs in the worker, with the loaded modules at hand. */
export type TokenWorkerJob = (payload: unknown, tools: { moduleFor(path: string): Pkcs11Module }) => Promise<unknown>;

const modules = new Map<string, Pkcs11Module>();

export function moduleFor(path: string): Pkcs11Module {
  let loaded = modules.get(path);
  if (!loaded) {
    loaded = new Pkcs11Module(path);
    modules.set(path, loaded);
  }
  return loaded;
}

async function handle(message: TokenWorkerRequest, jobs: Record<string, TokenWorkerJob>): Promise<TokenWorkerResponse> {
  switch (message.op) {
    case 'job': {
      const job = jobs[message.name];
      if (!job) throw new Error(`no job ${message.name} in this worker`);
      return { id: message.id, ok: true, result: await job(message.payload, { moduleFor }) };
    }
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

export function serveTokenWorker(jobs: Record<string, TokenWorkerJob> = {}): void {
  parentPort?.on('message', (message: TokenWorkerRequest) => {
    void handle(message, jobs)
      .catch((error: unknown): TokenWorkerResponse => {
        if (error instanceof ContractError) return { id: message.id, ok: false, contractError: error.toValue() };
        const failure: TokenFailure = error instanceof TokenDriverError ? error.failure : { code: 'TOKEN_FAILED', details: { reason: (error as Error).message } };
        return { id: message.id, ok: false, failure };
      })
      .then((response) => {
        // Transfer big results (signed PDFs) instead of copying them.
        const bytes = response.ok ? (response.result as { pdf?: unknown } | undefined)?.pdf : undefined;
        parentPort?.postMessage(response, bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : []);
      });
  });
}

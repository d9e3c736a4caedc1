/**
 * The main-thread side of the PKCS#11 worker. Every call has a deadline: a token that stops answering
 * (pulled out during a blocking call, a hung middleware) ends in TOKEN_TIMEOUT and a fresh worker,
 * never in a hung process.
 *
 * Which file the worker loads: native/workerThread.ts (from sources a tsx bootstrap, from a build the
 * entry beside the bundle).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker, type WorkerEntry } from '../workerThread';
import { tokenError } from './tokenErrors';
import { ContractError } from '../../electron/contract/errors';
import type { TokenWorkerRequest, TokenWorkerResponse } from './tokenWorkerServer';
import type { SignOnTokenRequest, SlotPresence, TokenInfo } from './types';

type Request = TokenWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function thisFile(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  throw new Error('Cannot tell where the token worker lives');
}

const defaultEntry: WorkerEntry = { source: () => path.join(path.dirname(thisFile()), 'tokenWorker.ts'), built: 'tokenWorker.cjs' };

export interface TokenClientOptions {
  /** Deadline of one call; login + sign on a slow token takes a few seconds. */
  timeoutMs?: number;
  /** The worker's JS environment. PKCS#11 modules read the real process environment (getenv), shared by all threads. */
  env?: NodeJS.ProcessEnv;
  /** Which worker to run; default the plain PKCS#11 worker. */
  entry?: WorkerEntry;
}

export class TokenClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { worker: Worker; resolve: (r: TokenWorkerResponse & { ok: true }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly options: TokenClientOptions = {}) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.options.entry ?? defaultEntry, this.options.env ? { env: this.options.env } : {});
    worker.on('message', (response: TokenWorkerResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      clearTimeout(waiting.timer);
      if (response.ok) waiting.resolve(response);
      else if ('contractError' in response) waiting.reject(new ContractError(response.contractError));
      else waiting.reject(tokenError(response.failure));
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        // Only the calls this worker was serving: a dropped worker exiting later must not fail its successor's.
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) => fail(tokenError({ code: 'TOKEN_FAILED', details: { reason: error.message } })));
    worker.on('exit', (code) => fail(tokenError({ code: 'TOKEN_FAILED', details: { reason: `token worker stopped (exit code ${code})` } })));
    this.worker = worker;
    return worker;
  }

  private call(request: Request, transfer: ArrayBuffer[] = []): Promise<TokenWorkerResponse & { ok: true }> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(tokenError({ code: 'TOKEN_TIMEOUT', details: { seconds: Math.round(timeoutMs / 1000) } }));
        // The blocked native call cannot be interrupted: drop that worker, the next call starts a new one.
        if (this.worker === worker) this.worker = null;
        // A thread stuck inside a native call may not stop at once: it must not keep the process alive either.
        worker.unref();
        void worker.terminate();
      }, timeoutMs);
      this.pending.set(id, { worker, resolve, reject, timer });
      worker.ref();
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Runs a job of the worker entry (see serveTokenWorker). */
  async job<T>(name: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    return (await this.call({ op: 'job', name, payload }, transfer)).result as T;
  }

  async tokens(module: string): Promise<TokenInfo[]> {
    return (await this.call({ op: 'tokens', module })).tokens ?? [];
  }

  async presence(module: string): Promise<SlotPresence[]> {
    return (await this.call({ op: 'presence', module })).presence ?? [];
  }

  async sign(request: SignOnTokenRequest): Promise<Uint8Array> {
    const { signature } = await this.call({ op: 'sign', request });
    if (!signature) throw tokenError({ code: 'TOKEN_FAILED', details: { reason: 'no signature' } });
    return signature;
  }

  async finalize(module: string): Promise<void> {
    await this.call({ op: 'finalize', module });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

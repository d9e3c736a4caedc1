/**
 * Runs render jobs in a `worker_threads` Worker (DESIGN §3) and returns the PDF bytes, whose
 * buffer the worker transfers rather than copies.
 *
 * Which file the worker loads:
 * - from TypeScript sources (tsx, vitest — this module's own file ends in `.ts`): an `eval`
 *   bootstrap registers tsx's ESM loader inside the worker, then imports `documentWorker.ts`.
 *   Vitest's own transform does not reach worker threads, so tsx does it there.
 * - from a build (this module bundled into `.js`/`.cjs`): `documentWorker.cjs` (or `.js`) beside
 *   the bundle, or the `workerFile` option. The build has to emit that entry too
 *   (scripts/build-electron.ts: add `electron/services/documents/documentWorker.ts` →
 *   `dist/electron/documentWorker.cjs`).
 *
 * One worker serves the jobs one after another; it is started on first use, does not keep the
 * process alive while idle (`unref`), and is restarted if it dies.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './documentWorker';
import type { DocumentJob } from './jobs';
import type { RenderedDocument } from './receipt';

function thisFile(): string {
  // ESM (tsx, vitest): import.meta.url. A CommonJS bundle (esbuild → main.cjs): __filename.
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  throw new Error('Cannot tell where the document worker lives: pass workerFile');
}

export interface DocumentWorkerOptions {
  /** The built worker entry; default: beside this module (see above). */
  workerFile?: string;
}

/** tsx's ESM API file (`tsx/esm/api`, import condition), found through its package.json. */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
  const relative = pkg.exports?.['./esm/api']?.import?.default;
  if (!relative) throw new Error('tsx does not export ./esm/api: cannot run the document worker from TypeScript sources');
  return path.join(path.dirname(manifest), relative);
}

function startWorker(options: DocumentWorkerOptions): Worker {
  const here = thisFile();
  if (options.workerFile) return new Worker(options.workerFile);
  if (here.endsWith('.ts')) {
    const tsxApi = pathToFileURL(tsxEsmApi(here)).href;
    const entry = pathToFileURL(path.join(path.dirname(here), 'documentWorker.ts')).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true });
  }
  const dir = path.dirname(here);
  const built = ['documentWorker.cjs', 'documentWorker.js', 'documentWorker.mjs'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!built) throw new Error(`No built document worker beside ${here}: build electron/services/documents/documentWorker.ts too`);
  return new Worker(built);
}

export class DocumentWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (doc: RenderedDocument) => void; reject: (error: Error) => void }>();

  constructor(private readonly options: DocumentWorkerOptions = {}) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.options);
    worker.on('message', (response: WorkerResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.ok) waiting.resolve({ pdf: response.pdf, pages: response.pages, missingCharacters: response.missingCharacters });
      else waiting.reject(new Error(`Document rendering failed: ${response.message}`));
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`The document worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Renders `job` in the worker; resolves with the PDF (its buffer transferred from the worker). */
  render(job: DocumentJob): Promise<RenderedDocument> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<RenderedDocument>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      const request: WorkerRequest = { id, job };
      worker.postMessage(request);
    });
  }

  /** Stops the worker (pending jobs fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

let shared: DocumentWorker | null = null;

/** Renders `job` on the shared document worker and returns the PDF bytes. */
export async function renderInWorker(job: DocumentJob): Promise<Uint8Array> {
  shared ??= new DocumentWorker();
  return (await shared.render(job)).pdf;
}

/** Stops the shared worker (app shutdown, end of a test file). */
export async function closeSharedDocumentWorker(): Promise<void> {
  const worker = shared;
  shared = null;
  if (worker) await worker.close();
}

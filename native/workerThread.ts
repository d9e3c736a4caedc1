/**
 * Starting our `worker_threads` workers, and the one-job-at-a-time client the document and scan
 * workers share.
 *
 * Which file a worker loads:
 * - from TypeScript sources (tsx, vitest: this module's own file ends in `.ts`): an `eval` bootstrap
 *   registers tsx's ESM loader inside the worker, then imports the entry's source. Vitest's own
 *   transform does not reach worker threads, so tsx does it there.
 * - from a build (this module bundled into `main.cjs` or another bundle): the built entry beside the
 *   bundle. scripts/build-electron.ts must emit it.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  /** The entry's TypeScript source (asked for only when running from sources). */
  source(): string;
  /** The built entry's file name, beside the bundle. */
  built: string;
}

/** This module's own file: import.meta.url from sources (ESM), __filename in a CommonJS bundle. */
function thisFile(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  throw new Error('Cannot tell where the worker entries live');
}

/** tsx's ESM API file (`tsx/esm/api`, import condition), found through its package.json. */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
  const relative = pkg.exports?.['./esm/api']?.import?.default;
  if (!relative) throw new Error('tsx does not export ./esm/api: cannot run a worker from TypeScript sources');
  return path.join(path.dirname(manifest), relative);
}

/** Starts the worker for `entry`, from sources or from the build (see above). */
export function startWorker(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  const here = thisFile();
  if (here.endsWith('.ts')) {
    const api = pathToFileURL(tsxEsmApi(here)).href;
    const source = pathToFileURL(entry.source()).href;
    return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { ...options, eval: true });
  }
  const built = path.join(path.dirname(here), entry.built);
  if (!fs.existsSync(built)) throw new Error(`No ${entry.built} beside ${here}: the build must emit it (scripts/build-electron.ts)`);
  return new Worker(built, options);
}

/** What a worker answers to request `id`: its result fields, or a failure message. */
export type WorkerAnswer<R> = ({ id: number; ok: true } & R) | { id: number; ok: false; message: string };

/**
 * One worker serving jobs in order: started on first use, not keeping the process alive while idle
 * (`unref`), restarted after it dies (the jobs it held fail with the reason).
 */
export class SerialWorker<Job, Answer, Result> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly start: () => Worker,
    /** Turns a successful answer into the result the caller gets. */
    private readonly decode: (answer: { id: number; ok: true } & Answer) => Result,
    /** Names the worker in errors, e.g. "Document rendering". */
    private readonly label: string,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.on('message', (answer: WorkerAnswer<Answer>) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve(this.decode(answer));
      else waiting.reject(new Error(`${this.label} failed: ${answer.message}`));
      if (this.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.label}: the worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  run(job: Job): Promise<Result> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  /** Stops the worker (pending jobs fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

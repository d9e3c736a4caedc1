/**
 * The image pipeline in a `worker_threads` Worker, loaded the way documents/worker.ts loads the
 * PDF worker: from TypeScript sources through tsx's ESM loader, from a build as `scanWorker.cjs`
 * beside the bundle (scripts/build-electron.ts emits it). One worker, jobs in order, unref'd
 * while idle, restarted if it dies.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageOptions, ProcessedPage } from './pageProcessor';
import { asBuffer, type ImagePipeline, type PipelineJob, type PipelineResult } from './pipelineJobs';
import type { ScanWorkerResponse } from './scanWorker';

function thisFile(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return fileURLToPath(url);
  if (typeof __filename === 'string') return __filename;
  throw new Error('Cannot tell where the scan worker lives');
}

function startWorker(): Worker {
  const here = thisFile();
  if (here.endsWith('.ts')) {
    const manifest = createRequire(here).resolve('tsx/package.json');
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
    const api = pathToFileURL(path.join(path.dirname(manifest), pkg.exports?.['./esm/api']?.import?.default ?? '')).href;
    const entry = pathToFileURL(path.join(path.dirname(here), 'scanWorker.ts')).href;
    return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  }
  const built = ['scanWorker.cjs', 'scanWorker.js', 'scanWorker.mjs'].map((f) => path.join(path.dirname(here), f)).find((f) => fs.existsSync(f));
  if (!built) throw new Error(`No built scan worker beside ${here}: build electron/services/scanning/scanWorker.ts too`);
  return new Worker(built);
}

export class WorkerPipeline implements ImagePipeline {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: PipelineResult) => void; reject: (e: Error) => void }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (response: ScanWorkerResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new Error(`Image pipeline failed: ${response.message}`));
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
    worker.on('exit', (code) => fail(new Error(`The scan worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private run(job: PipelineJob): Promise<PipelineResult> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  async page(input: Uint8Array, options: PageOptions): Promise<ProcessedPage> {
    const result = (await this.run({ kind: 'page', input, options })) as { page: ProcessedPage };
    return { ...result.page, jpeg: asBuffer(result.page.jpeg) };
  }

  async pdf(pages: ProcessedPage[], documentBytes?: number): Promise<Uint8Array> {
    return ((await this.run({ kind: 'pdf', pages, documentBytes })) as { pdf: Uint8Array }).pdf;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

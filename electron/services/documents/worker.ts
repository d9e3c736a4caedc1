/**
 * Runs render jobs in a `worker_threads` Worker (DESIGN §3) and returns the PDF bytes, whose
 * buffer the worker transfers rather than copies. Starting it from sources or from the build:
 * native/workerThread.ts (the build emits `dist/electron/documentWorker.cjs`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerialWorker, startWorker } from '../../../native/workerThread';
import type { WorkerResponse } from './documentWorker';
import type { DocumentJob } from './jobs';
import type { RenderedDocument } from './receipt';

type Rendered = Extract<WorkerResponse, { ok: true }>;

/** Renders documents in a worker thread: PDF assembly never blocks the main process. */
export class DocumentWorker {
  private readonly worker = new SerialWorker<DocumentJob, Omit<Rendered, 'id' | 'ok'>, RenderedDocument>(
    () => startWorker({ source: () => path.join(path.dirname(fileURLToPath((import.meta as { url: string }).url)), 'documentWorker.ts'), built: 'documentWorker.cjs' }),
    (answer) => ({ pdf: answer.pdf, pages: answer.pages, missingCharacters: answer.missingCharacters }),
    'Document rendering',
  );

  /** Renders `job` in the worker; resolves with the PDF (its buffer transferred from the worker). */
  render(job: DocumentJob): Promise<RenderedDocument> {
    return this.worker.run(job);
  }

  /** Stops the worker (pending jobs fail). */
  close(): Promise<void> {
    return this.worker.close();
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

/**
 * Worker-thread entry for the image pipeline (DESIGN §3: the main process's event loop must stay
 * free; deskew and page analysis are JavaScript loops, PDF assembly is synchronous pdf-lib work).
 * Receives `{ id, job }`, answers `{ id, ok: true, result }` or `{ id, ok: false, message }`.
 */
import { parentPort } from 'node:worker_threads';
import { runPipelineJob, type PipelineJob, type PipelineResult } from './pipelineJobs';

export interface ScanWorkerRequest {
  id: number;
  job: PipelineJob;
}

export type ScanWorkerResponse = { id: number; ok: true; result: PipelineResult } | { id: number; ok: false; message: string };

if (!parentPort) throw new Error('scanWorker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (request: ScanWorkerRequest) => {
  runPipelineJob(request.job).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ScanWorkerResponse),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ScanWorkerResponse),
  );
});

/**
 * Worker-thread entry for PDF assembly (DESIGN §3: nothing on the main process's event loop may
 * take more than a frame). Receives `{ id, job }`, answers `{ id, ok: true, pdf, pages,
 * missingCharacters }` with the PDF's buffer transferred (not copied), or `{ id, ok: false,
 * message }`. Fonts are read once per worker (fonts.ts caches them).
 */
import { parentPort } from 'node:worker_threads';
import { runDocumentJob, type DocumentJob } from './jobs';

export interface WorkerRequest {
  id: number;
  job: DocumentJob;
}

export type WorkerResponse =
  | { id: number; ok: true; pdf: Uint8Array; pages: number; missingCharacters: string[] }
  | { id: number; ok: false; message: string };

if (!parentPort) throw new Error('documentWorker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  runDocumentJob(request.job).then(
    (doc) => {
      // pdf-lib returns a Uint8Array over its own ArrayBuffer: hand that buffer over without a copy
      // (a view into a larger or shared buffer is copied first, so nothing else is detached).
      const whole = doc.pdf.byteOffset === 0 && doc.pdf.byteLength === doc.pdf.buffer.byteLength && doc.pdf.buffer instanceof ArrayBuffer;
      const pdf = whole ? doc.pdf : doc.pdf.slice();
      const response: WorkerResponse = { id: request.id, ok: true, pdf, pages: doc.pages, missingCharacters: doc.missingCharacters };
      port.postMessage(response, [pdf.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const response: WorkerResponse = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(response);
    },
  );
});

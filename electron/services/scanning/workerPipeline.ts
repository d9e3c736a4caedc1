/**
 * The image pipeline in a `worker_threads` Worker, started like the document worker
 * (native/workerThread.ts; the build emits `dist/electron/scanWorker.cjs`). One worker, jobs in
 * order, unref'd while idle, restarted if it dies.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerialWorker, startWorker } from '../../../native/workerThread';
import type { PageOptions, ProcessedPage } from './pageProcessor';
import { asBuffer, type ImagePipeline, type PipelineJob, type PipelineResult } from './pipelineJobs';

export class WorkerPipeline implements ImagePipeline {
  private readonly worker = new SerialWorker<PipelineJob, { result: PipelineResult }, PipelineResult>(
    () => startWorker({ source: () => path.join(path.dirname(fileURLToPath((import.meta as { url: string }).url)), 'scanWorker.ts'), built: 'scanWorker.cjs' }),
    (answer) => answer.result,
    'Image pipeline',
  );

  private run(job: PipelineJob): Promise<PipelineResult> {
    return this.worker.run(job);
  }

  async page(input: Uint8Array, options: PageOptions): Promise<ProcessedPage> {
    const result = (await this.run({ kind: 'page', input, options })) as { page: ProcessedPage };
    return { ...result.page, jpeg: asBuffer(result.page.jpeg) };
  }

  async pdf(pages: ProcessedPage[], documentBytes?: number): Promise<Uint8Array> {
    return ((await this.run({ kind: 'pdf', pages, documentBytes })) as { pdf: Uint8Array }).pdf;
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}

import { processPage, type PageOptions, type ProcessedPage } from './pageProcessor';
import { assemblePdf, fitDocument } from './scanPdf';

/** The image pipeline's work, the same in process (CLI, tests) or in the worker thread (app). */
export type PipelineJob = { kind: 'page'; input: Uint8Array; options: PageOptions } | { kind: 'pdf'; pages: ProcessedPage[]; documentBytes?: number };
export type PipelineResult = { kind: 'page'; page: ProcessedPage } | { kind: 'pdf'; pdf: Uint8Array };

/** Structured clone turns Buffers into plain Uint8Arrays; sharp and the budget code want Buffers. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function runPipelineJob(job: PipelineJob): Promise<PipelineResult> {
  if (job.kind === 'page') return { kind: 'page', page: await processPage(asBuffer(job.input), job.options) };
  const pages = job.pages.map((p) => ({ ...p, jpeg: asBuffer(p.jpeg) }));
  return { kind: 'pdf', pdf: await assemblePdf(await fitDocument(pages, job.documentBytes)) };
}

export interface ImagePipeline {
  page(input: Uint8Array, options: PageOptions): Promise<ProcessedPage>;
  pdf(pages: ProcessedPage[], documentBytes?: number): Promise<Uint8Array>;
}

/** In the calling thread: for the CLI (no windows to keep responsive) and tests. */
export const inProcessPipeline: ImagePipeline = {
  page: async (input, options) => ((await runPipelineJob({ kind: 'page', input, options })) as { page: ProcessedPage }).page,
  pdf: async (pages, documentBytes) => ((await runPipelineJob({ kind: 'pdf', pages, documentBytes })) as { pdf: Uint8Array }).pdf,
};

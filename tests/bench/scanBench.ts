/**
 * Scanning pipeline speed: pages per second for 300 dpi A4 gray text pages (TIFF, as scanimage
 * delivers them) through processPage (orientation, crop, deskew, blank check, levels, JPEG to
 * budget) and PDF assembly, against ImageMagick doing gray + JPEG (same quality) on the same
 * pages in the same run. Debian's ImageMagick policy forbids writing PDF, so the baseline's JPEGs
 * are wrapped by pdf-lib like ours (that step costs milliseconds). Peak memory: RSS sampled every
 * 20 ms while a 50-page batch goes through the pipeline (in its worker thread, as in the app) into
 * one PDF, and the main thread's event-loop delay (p99, max) meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { processPage } from '../../electron/services/scanning/pageProcessor';
import { assemblePdf, fitDocument } from '../../electron/services/scanning/scanPdf';
import { WorkerPipeline } from '../../electron/services/scanning/workerPipeline';
import { textPage } from '../support/textPage';

const PAGES = 6;
const BATCH = 50;

export async function scanBench(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-scanbench-'));
  try {
    const inputs: Buffer[] = [];
    for (let i = 0; i < PAGES; i += 1) inputs.push(await textPage({ dpi: 300, skewDegrees: i % 2 === 0 ? 0 : 1.2, format: 'tiff' }));
    const files = inputs.map((input, i) => {
      const file = path.join(dir, `page-${i}.tif`);
      fs.writeFileSync(file, input);
      return file;
    });

    await processPage(inputs[0]!, { mode: 'gray', dpi: 300 }); // warm-up (sharp's first call loads libvips)
    let started = performance.now();
    const ours = [];
    for (const input of inputs) ours.push(await processPage(input, { mode: 'gray', dpi: 300 }));
    const ourPdf = await assemblePdf(await fitDocument(ours));
    const oursMs = performance.now() - started;

    started = performance.now();
    // One ImageMagick process for the whole batch, writing out-0.jpg … out-5.jpg.
    execFileSync('convert', [...files, '-colorspace', 'Gray', '-quality', '64', path.join(dir, 'out-%d.jpg')], { stdio: 'ignore' });
    const jpegs = files.map((_, i) => path.join(dir, `out-${i}.jpg`));
    const theirPages = await Promise.all(
      jpegs.map(async (file) => {
        const jpeg = fs.readFileSync(file);
        const meta = await sharp(jpeg).metadata();
        return { jpeg, widthPx: meta.width, heightPx: meta.height, dpi: 300 };
      }),
    );
    const theirPdf = await assemblePdf(theirPages);
    const magickMs = performance.now() - started;

    const memory = await batchMemory(inputs);
    const perSecond = (ms: number) => Number(((PAGES * 1000) / ms).toFixed(2));
    return {
      pages: PAGES,
      pipelinePagesPerSecond: perSecond(oursMs),
      imagemagickPagesPerSecond: perSecond(magickMs),
      pipelinePdfBytesPerPage: Math.round(ourPdf.byteLength / PAGES),
      imagemagickPdfBytesPerPage: Math.round(theirPdf.byteLength / PAGES),
      batch50: memory,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function batchMemory(inputs: Buffer[]): Promise<Record<string, number>> {
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  // The pipeline runs in the main process beside the windows: how long does it hold the event loop?
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // As the app runs it: the pipeline in its worker thread (same process, so RSS counts it).
  const pipeline = new WorkerPipeline();
  const started = performance.now();
  try {
    const pages = [];
    for (let i = 0; i < BATCH; i += 1) pages.push(await pipeline.page(inputs[i % inputs.length]!, { mode: 'gray', dpi: 300 }));
    const pdf = await pipeline.pdf(pages);
    peak = Math.max(peak, process.memoryUsage().rss);
    loop.disable();
    return {
      pages: BATCH,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rssBeforeMb: mb(before),
      peakRssMb: mb(peak),
      pdfMb: Math.round((pdf.byteLength / (1024 * 1024)) * 10) / 10,
      eventLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
      eventLoopDelayMaxMs: Math.round(loop.max / 1e6),
    };
  } finally {
    loop.disable();
    clearInterval(timer);
    await pipeline.close();
  }
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPage } from '../../electron/services/scanning/pageProcessor';
import { assemblePdf, fitDocument } from '../../electron/services/scanning/scanPdf';
import { tempDir } from '../support/tempDir';
import { textPage } from '../support/textPage';

const resultsDir = path.resolve(import.meta.dirname, '..', '..', 'test-results');

/** Mean absolute difference of two gray images of the same size, after both are resized to `width`. */
async function difference(a: Buffer, b: Buffer, width: number): Promise<number> {
  const gray = async (image: Buffer) => (await sharp(image).resize({ width, height: Math.round(width * 1.4142), fit: 'fill' }).grayscale().raw().toBuffer());
  const [x, y] = await Promise.all([gray(a), gray(b)]);
  let sum = 0;
  for (let i = 0; i < x.length; i += 1) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}

describe('image pipeline (sharp) and PDF assembly (pdf-lib)', () => {
  it('a 300 dpi gray text page ends ≤ 300 KB in the PDF and renders legibly', async () => {
    const original = await textPage({ dpi: 300 });
    const page = await processPage(original, { mode: 'gray', dpi: 300 });
    const pdf = await assemblePdf([page]);
    expect(pdf.byteLength).toBeLessThanOrEqual(300 * 1024);
    expect(page.blank).toBe(false);
    const dir = tempDir();
    const pdfFile = path.join(dir, 'text.pdf');
    fs.writeFileSync(pdfFile, pdf);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/A4/);
    // Rendered by poppler (what a reviewer's viewer does) and kept for people to look at.
    fs.mkdirSync(resultsDir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', pdfFile, path.join(resultsDir, 'scan-text-page-300dpi')]);
    const rendered = fs.readFileSync(path.join(resultsDir, 'scan-text-page-300dpi.png'));
    const meta = await sharp(rendered).metadata();
    expect(Math.abs(meta.width - 1240)).toBeLessThanOrEqual(1);
    // Legible: at 150 dpi the render matches the source text closely (paper whitened, ink kept)…
    const whitePaper = await sharp(original).linear(1.1, 0).toBuffer();
    expect(await difference(rendered, whitePaper, 1240)).toBeLessThan(12);
    // …and a page of different text would not (the check can fail).
    const otherText = await textPage({ dpi: 150, skewDegrees: 3 });
    expect(await difference(rendered, otherText, 1240)).toBeGreaterThan(await difference(rendered, whitePaper, 1240));
  });

  it('deskews a tilted page and crops a dark scanner bed down to the paper', async () => {
    const tilted = await textPage({ dpi: 100, skewDegrees: 2, darkBorder: true });
    const page = await processPage(tilted, { mode: 'gray', dpi: 100 });
    expect(Math.abs(Math.abs(page.skewDegrees) - 2)).toBeLessThanOrEqual(0.3);
    // The dark border (¼ inch each side) is gone: the page is A4 at 100 dpi again (827 × 1169).
    expect(Math.abs(page.widthPx - 827)).toBeLessThanOrEqual(8);
    expect(Math.abs(page.heightPx - 1169)).toBeLessThanOrEqual(8);
    const straight = await processPage(await textPage({ dpi: 100 }), { mode: 'gray', dpi: 100 });
    expect(Math.abs(straight.skewDegrees)).toBeLessThan(0.25);
    // After correction the tilted page looks like the straight one.
    expect(await difference(page.jpeg, straight.jpeg, 400)).toBeLessThan(20);
  });

  it('flags a blank page for review and keeps it', async () => {
    const white = await sharp({ create: { width: 827, height: 1169, channels: 3, background: '#f2f2ee' } }).png().toBuffer();
    const blank = await processPage(white, { mode: 'gray', dpi: 100 });
    const text = await processPage(await textPage({ dpi: 100 }), { mode: 'gray', dpi: 100 });
    expect(blank.blank).toBe(true);
    expect(text.blank).toBe(false);
    const pdf = await PDFDocument.load(await assemblePdf([text, blank]));
    expect(pdf.getPageCount()).toBe(2);
  });

  it('black-and-white mode keeps only black and white; quarter turns rotate the page', async () => {
    const page = await processPage(await textPage({ dpi: 100 }), { mode: 'bw', dpi: 100, rotate: 90 });
    expect(page.widthPx).toBeGreaterThan(page.heightPx);
    const { data } = await sharp(page.jpeg).raw().toBuffer({ resolveWithObject: true });
    let mid = 0;
    for (const v of data) if (v > 64 && v < 192) mid += 1;
    // JPEG rings a little around edges; the tones in between are rare.
    expect(mid / data.length).toBeLessThan(0.03);
    const pdf = await PDFDocument.load(await assemblePdf([page]));
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(841.89, 1);
  });

  it('keeps a page under its byte budget by lowering quality, then resolution, keeping the true size', async () => {
    const page = await processPage(await textPage({ dpi: 200 }), { mode: 'gray', dpi: 200, budgetBytes: 40 * 1024 });
    expect(page.jpeg.byteLength).toBeLessThanOrEqual(40 * 1024);
    expect(page.dpi).toBeLessThan(200);
    const pdf = await PDFDocument.load(await assemblePdf([page]));
    expect(pdf.getPage(0).getSize().height).toBeCloseTo(841.89, 1);
  });

  it('fits a document into its budget by re-encoding the heavy pages', async () => {
    const page = await processPage(await textPage({ dpi: 100 }), { mode: 'gray', dpi: 100 });
    const pages = [page, page, page, page];
    const budget = page.jpeg.byteLength * 2;
    const fitted = await fitDocument(pages, budget);
    const pdf = await assemblePdf(fitted);
    expect(pdf.byteLength).toBeLessThanOrEqual(budget);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(4);
  });
});

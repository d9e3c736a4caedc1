import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { jpegWithinBudget } from './jpegBudget';
import type { ProcessedPage } from './pageProcessor';

export const defaultDocumentBudget = 10 * 1024 * 1024;
const a4 = { width: 595.28, height: 841.89 };
const pointsPerInch = 72;

/** Within 3 %, a page is an A4 sheet and gets the exact A4 box (so printers and viewers agree). */
function pageBox(page: Pick<ProcessedPage, 'widthPx' | 'heightPx' | 'dpi'>): { width: number; height: number } {
  const width = (page.widthPx / page.dpi) * pointsPerInch;
  const height = (page.heightPx / page.dpi) * pointsPerInch;
  const near = (a: number, b: number) => Math.abs(a - b) / b <= 0.03;
  if (near(width, a4.width) && near(height, a4.height)) return a4;
  if (near(width, a4.height) && near(height, a4.width)) return { width: a4.height, height: a4.width };
  return { width, height };
}

/**
 * When the pages together exceed the document budget, each is re-encoded to its share. Pages
 * already under their share are left alone: text pages stay crisp when one photo page is heavy.
 */
export async function fitDocument(pages: ProcessedPage[], budgetBytes = defaultDocumentBudget): Promise<ProcessedPage[]> {
  const total = pages.reduce((s, p) => s + p.jpeg.byteLength, 0);
  // PDF structure costs about a kilobyte per page on top of the images.
  const share = Math.floor(budgetBytes / Math.max(1, pages.length)) - 1024;
  if (total + pages.length * 1024 <= budgetBytes) return pages;
  // One page at a time: a 50-page batch re-encoded at once would hold every decoded page in memory.
  const fitted: ProcessedPage[] = [];
  for (const page of pages) {
    if (page.jpeg.byteLength <= share) {
      fitted.push(page);
      continue;
    }
    const smaller = await jpegWithinBudget(() => sharp(page.jpeg), page.widthPx, share);
    fitted.push({ ...page, jpeg: smaller.jpeg, widthPx: smaller.width, heightPx: smaller.height, dpi: page.dpi * smaller.scale, quality: smaller.quality });
  }
  return fitted;
}

/** One PDF, one page per image, each page box the image's true size at its DPI. */
export async function assemblePdf(pages: readonly Pick<ProcessedPage, 'jpeg' | 'widthPx' | 'heightPx' | 'dpi'>[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  // Nothing about the resident goes into the metadata; fixed dates keep the bytes reproducible.
  pdf.setProducer('Một Cửa Kiosk');
  pdf.setCreator('Một Cửa Kiosk scanner');
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  for (const page of pages) {
    const image = await pdf.embedJpg(page.jpeg);
    const box = pageBox(page);
    const pdfPage = pdf.addPage([box.width, box.height]);
    pdfPage.drawImage(image, { x: 0, y: 0, width: box.width, height: box.height });
  }
  return pdf.save({ useObjectStreams: true });
}

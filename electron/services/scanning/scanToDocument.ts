import type { ScanRequest, Scanner } from '../../../native/scanner/index';
import { ScannerError } from '../../../native/scanner/index';
import { processPage, type PageMode, type ProcessedPage } from './pageProcessor';
import { scannerContractError } from './scanErrors';
import { assemblePdf, fitDocument } from './scanPdf';

export interface ScanBudget {
  pageBytes?: number;
  documentBytes?: number;
}

/**
 * Scans a batch and runs every page through the pipeline as it arrives (while the device feeds
 * the next). Device errors become typed ContractErrors; `onPage` sees each processed page first.
 */
export async function scanPages(
  scanner: Scanner,
  deviceId: string,
  request: ScanRequest & { mode: PageMode },
  budget: ScanBudget = {},
  onPage: (page: ProcessedPage, index: number) => void = () => undefined,
): Promise<ProcessedPage[]> {
  const pages: ProcessedPage[] = [];
  try {
    await scanner.scan(deviceId, request, async (scanned) => {
      const page = await processPage(scanned.image, { mode: request.mode, dpi: scanned.resolution, budgetBytes: budget.pageBytes });
      pages.push(page);
      onPage(page, scanned.index);
    });
  } catch (error) {
    if (error instanceof ScannerError) throw scannerContractError(error);
    throw error;
  }
  return pages;
}

/** The whole batch as one PDF within the document budget. */
export async function scanToPdf(scanner: Scanner, deviceId: string, request: ScanRequest & { mode: PageMode }, budget: ScanBudget = {}): Promise<{ pdf: Uint8Array; pages: ProcessedPage[] }> {
  const pages = await fitDocument(await scanPages(scanner, deviceId, request, budget), budget.documentBytes);
  return { pdf: await assemblePdf(pages), pages };
}

import type { PrinterInfo } from '../../contract/dossiers';

/**
 * The machine's printers, as the app reaches them: in Electron, Chromium's print system
 * (electron/main/electronPrinter.ts); the CLI and the test harness have none.
 */
export interface PdfPrinter {
  printers(): Promise<PrinterInfo[]>;
  /** Prints without a dialog (null: the system's default printer); rejects when the job is refused. */
  print(pdf: Uint8Array, deviceName: string | null): Promise<void>;
}

export type PrintOutcome = { printed: true; printerName: string | null; reason: 'printed' } | { printed: false; printerName: string | null; reason: 'no_printer' | 'printer_not_found' };

/**
 * Prints on the chosen printer ('' = the system's default printer). No printer at all,
 * or a chosen one that is gone: nothing is printed and the caller offers the PDF instead — a
 * counter without a printer still gets its receipt.
 */
export async function printOnChosenPrinter(printer: PdfPrinter | null, chosen: string, pdf: Uint8Array): Promise<PrintOutcome> {
  const available = printer ? await printer.printers() : [];
  if (!printer || available.length === 0) return { printed: false, printerName: null, reason: 'no_printer' };
  if (chosen === '') {
    await printer.print(pdf, null);
    return { printed: true, printerName: available.find((p) => p.isDefault)?.name ?? null, reason: 'printed' };
  }
  if (!available.some((p) => p.name === chosen)) return { printed: false, printerName: chosen, reason: 'printer_not_found' };
  await printer.print(pdf, chosen);
  return { printed: true, printerName: chosen, reason: 'printed' };
}

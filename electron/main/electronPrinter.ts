import { randomUUID } from 'node:crypto';
import type * as Electron from 'electron';
import type { PdfPrinter } from '../services/printing/printing';

/** The session of the print window: its own partition, so our page's request filter stays strict. */
export const printPartition = 'motcua-print';
/** The scheme the print window loads its PDF from: served from memory, never written to disk. */
export const printScheme = 'motcua-print';

/** Options of the hidden window that prints a PDF: no preload, sandboxed, the PDF viewer on. */
export function printWindowOptions(): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { partition: printPartition, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, devTools: false },
  };
}

/**
 * PDFs waiting to be printed, held in memory under an unguessable id. A job's bytes exist only while
 * its window prints it: a receipt carries personal data and must not sit in a temporary file.
 */
export class PrintJobs {
  private readonly jobs = new Map<string, Uint8Array>();

  open(pdf: Uint8Array): { id: string; url: string } {
    const id = randomUUID();
    this.jobs.set(id, pdf);
    return { id, url: `${printScheme}://job/${id}.pdf` };
  }

  close(id: string): void {
    this.jobs.delete(id);
  }

  get size(): number {
    return this.jobs.size;
  }

  /** Answers the print window's request: the open job's bytes, anything else 404. */
  serve(request: Request): Response {
    const match = /^motcua-print:\/\/job\/([0-9a-f-]{36})\.pdf$/.exec(request.url);
    const pdf = match && request.method === 'GET' ? this.jobs.get(match[1]!) : undefined;
    if (pdf === undefined) return new Response('Not found', { status: 404 });
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), {
      headers: { 'Content-Type': 'application/pdf', 'Cache-Control': 'no-store' },
    });
  }
}

export interface PrinterElectron {
  BrowserWindow: typeof Electron.BrowserWindow;
  session: { fromPartition(partition: string): { protocol: Pick<Electron.Protocol, 'handle'> } };
}

/**
 * Silent printing of our PDFs through Chromium's print system (Electron ≥ 36 prints PDFs with
 * `silent: true`). The PDF reaches the hidden window's viewer through our own scheme from memory.
 */
export function createElectronPrinter(electron: PrinterElectron, mainWindow: () => Electron.BrowserWindow | null, jobs = new PrintJobs()): PdfPrinter {
  let schemeHandled = false;
  return {
    async printers() {
      const window = mainWindow();
      if (!window || window.isDestroyed()) return [];
      const list = await window.webContents.getPrintersAsync();
      // Chromium no longer says which printer is the default; CUPS options may (Linux).
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true' }));
    },
    async print(pdf, deviceName) {
      if (!schemeHandled) {
        electron.session.fromPartition(printPartition).protocol.handle(printScheme, (request) => jobs.serve(request));
        schemeHandled = true;
      }
      const job = jobs.open(pdf);
      const window = new electron.BrowserWindow(printWindowOptions());
      try {
        await window.loadURL(job.url);
        await new Promise<void>((resolve, reject) => {
          window.webContents.print({ silent: true, ...(deviceName !== null ? { deviceName } : {}), printBackground: true }, (success, failureReason) =>
            success ? resolve() : reject(new Error(`printing failed: ${failureReason}`)),
          );
        });
      } finally {
        window.destroy();
        jobs.close(job.id);
      }
    },
  };
}

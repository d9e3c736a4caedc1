import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import type { PdfPrinter } from '../services/printing/printing';

/** The session of the print window: its own partition, so our page's request filter (no file://) stays strict. */
export const printPartition = 'motcua-print';

/** Options of the hidden window that prints a PDF: no preload, sandboxed, the PDF viewer on. */
export function printWindowOptions(): Electron.BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { partition: printPartition, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, devTools: false },
  };
}

/**
 * Silent printing of our PDFs through Chromium's print system (Electron ≥ 36 prints PDFs with
 * `silent: true`). The PDF is written to a 0600 temporary file for the viewer and removed at once.
 */
export function createElectronPrinter(electron: { BrowserWindow: typeof Electron.BrowserWindow }, mainWindow: () => Electron.BrowserWindow | null, tempDir: string): PdfPrinter {
  return {
    async printers() {
      const window = mainWindow();
      if (!window || window.isDestroyed()) return [];
      const list = await window.webContents.getPrintersAsync();
      // Chromium no longer says which printer is the default; CUPS options may (Linux).
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true' }));
    },
    async print(pdf, deviceName) {
      fs.mkdirSync(tempDir, { recursive: true, mode: 0o700 });
      const file = path.join(tempDir, `${randomUUID()}.pdf`);
      fs.writeFileSync(file, pdf, { mode: 0o600 });
      const window = new electron.BrowserWindow(printWindowOptions());
      try {
        await window.loadURL(pathToFileURL(file).href);
        await new Promise<void>((resolve, reject) => {
          window.webContents.print({ silent: true, ...(deviceName !== null ? { deviceName } : {}), printBackground: true }, (success, failureReason) =>
            success ? resolve() : reject(new Error(`printing failed: ${failureReason}`)),
          );
        });
      } finally {
        window.destroy();
        fs.rmSync(file, { force: true });
      }
    },
  };
}

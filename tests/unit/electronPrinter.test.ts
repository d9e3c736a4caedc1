import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createElectronPrinter, printPartition } from '../../electron/main/electronPrinter';
import { tempDir } from '../support/tempDir';

/** A stand-in for Electron's BrowserWindow (the binary cannot run here) that records what it is asked. */
function fakeBrowserWindow(printResult: [boolean, string]) {
  const made: { options: Electron.BrowserWindowConstructorOptions; loaded: string[]; printed: unknown[]; destroyed: boolean; fileExistedAtPrint: boolean }[] = [];
  class FakeWindow {
    readonly record;
    readonly webContents;
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] as string[], printed: [] as unknown[], destroyed: false, fileExistedAtPrint: false };
      made.push(this.record);
      const record = this.record;
      this.webContents = {
        print: vi.fn((options: unknown, callback: (ok: boolean, reason: string) => void) => {
          record.printed.push(options);
          record.fileExistedAtPrint = fs.existsSync(new URL(record.loaded[0]!));
          callback(...printResult);
        }),
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { BrowserWindow: FakeWindow as unknown as typeof Electron.BrowserWindow, made };
}

describe('Electron printer', () => {
  it('prints the PDF silently from a hidden, sandboxed window, then removes the temporary file', async () => {
    const dir = tempDir();
    const fake = fakeBrowserWindow([true, '']);
    const printer = createElectronPrinter(fake, () => null, path.join(dir, 'print'));
    await printer.print(new TextEncoder().encode('%PDF-1.4'), 'HP_LaserJet');
    const [w] = fake.made;
    expect(w!.options).toMatchObject({ show: false, webPreferences: { partition: printPartition, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(w!.options.webPreferences!.preload).toBeUndefined();
    expect(w!.loaded[0]).toMatch(/^file:\/\/.*\.pdf$/);
    expect(w!.fileExistedAtPrint).toBe(true);
    expect(w!.printed).toEqual([{ silent: true, deviceName: 'HP_LaserJet', printBackground: true }]);
    expect(w!.destroyed).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'print'))).toEqual([]);
    expect(await printer.printers()).toEqual([]);
  });

  it('reports a refused job and still cleans up; null prints on the default printer', async () => {
    const dir = tempDir();
    const fake = fakeBrowserWindow([false, 'Printer is offline']);
    const printer = createElectronPrinter(fake, () => null, path.join(dir, 'print'));
    await expect(printer.print(new TextEncoder().encode('%PDF-1.4'), null)).rejects.toThrow('Printer is offline');
    expect(fake.made[0]!.printed).toEqual([{ silent: true, printBackground: true }]);
    expect(fake.made[0]!.destroyed).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'print'))).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { createElectronPrinter, PrintJobs, printPartition, printScheme, type PrinterElectron } from '../../electron/main/electronPrinter';

/**
 * A stand-in for Electron's BrowserWindow and partition session (the binary cannot run here). The fake
 * window "loads" its URL the way Chromium's viewer would: by asking our scheme handler for the bytes.
 */
function fakeElectron(printResult: [boolean, string]) {
  const handlers = new Map<string, (request: Request) => Response>();
  const partitions: string[] = [];
  const made: { options: Electron.BrowserWindowConstructorOptions; loaded: string[]; served: Uint8Array[]; printed: unknown[]; destroyed: boolean }[] = [];
  class FakeWindow {
    readonly record;
    readonly webContents;
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] as string[], served: [] as Uint8Array[], printed: [] as unknown[], destroyed: false };
      made.push(this.record);
      const record = this.record;
      this.webContents = {
        print: vi.fn((options: unknown, callback: (ok: boolean, reason: string) => void) => {
          record.printed.push(options);
          callback(...printResult);
        }),
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      const handler = handlers.get(new URL(url).protocol.slice(0, -1));
      const response = handler!(new Request(url));
      expect(response.headers.get('content-type')).toBe('application/pdf');
      this.record.served.push(new Uint8Array(await response.arrayBuffer()));
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const electron: PrinterElectron = {
    BrowserWindow: FakeWindow as unknown as typeof Electron.BrowserWindow,
    session: {
      fromPartition(partition: string) {
        partitions.push(partition);
        return { protocol: { handle: (scheme: string, handler: (request: Request) => Response) => void handlers.set(scheme, handler) } as never };
      },
    },
  };
  return { electron, made, partitions, handlers };
}

/** Every file under the OS temp dir, to show a print job adds none. */
function tempFiles(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir(), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')));
}

describe('Electron printer', () => {
  it('prints the PDF silently from a hidden, sandboxed window that reads it from memory, never from a file', async () => {
    const fake = fakeElectron([true, '']);
    const jobs = new PrintJobs();
    const printer = createElectronPrinter(fake.electron, () => null, jobs);
    const pdf = new TextEncoder().encode('%PDF-1.4 receipt of Nguyễn Thị Hương');
    const before = tempFiles();
    await printer.print(pdf, 'HP_LaserJet');
    const [w] = fake.made;
    expect(w!.options).toMatchObject({ show: false, webPreferences: { partition: printPartition, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true } });
    expect(w!.options.webPreferences!.preload).toBeUndefined();
    expect(fake.partitions).toEqual([printPartition]);
    expect(w!.loaded[0]).toMatch(new RegExp(`^${printScheme}://job/[0-9a-f-]{36}\\.pdf$`));
    expect(w!.served[0]).toEqual(pdf);
    expect(w!.printed).toEqual([{ silent: true, deviceName: 'HP_LaserJet', printBackground: true }]);
    expect(w!.destroyed).toBe(true);
    expect(tempFiles()).toEqual(before);
    // The job is forgotten once printed: its URL answers 404 afterwards.
    expect(jobs.size).toBe(0);
    expect(fake.handlers.get(printScheme)!(new Request(w!.loaded[0]!)).status).toBe(404);
    expect(await printer.printers()).toEqual([]);
  });

  it('reports a refused job and still forgets it; null prints on the default printer; the scheme is handled once', async () => {
    const fake = fakeElectron([false, 'Printer is offline']);
    const jobs = new PrintJobs();
    const printer = createElectronPrinter(fake.electron, () => null, jobs);
    await expect(printer.print(new TextEncoder().encode('%PDF-1.4'), null)).rejects.toThrow('Printer is offline');
    await expect(printer.print(new TextEncoder().encode('%PDF-1.4'), null)).rejects.toThrow('Printer is offline');
    expect(fake.made[0]!.printed).toEqual([{ silent: true, printBackground: true }]);
    expect(fake.made.every((w) => w.destroyed)).toBe(true);
    expect(fake.partitions).toHaveLength(1);
    expect(jobs.size).toBe(0);
  });

  it('serves only open jobs, only by GET, only under our scheme', () => {
    const jobs = new PrintJobs();
    const { url } = jobs.open(new Uint8Array([37, 80, 68, 70]));
    expect(jobs.serve(new Request(url)).status).toBe(200);
    expect(jobs.serve(new Request(url, { method: 'POST' })).status).toBe(404);
    expect(jobs.serve(new Request(`${printScheme}://job/00000000-0000-0000-0000-000000000000.pdf`)).status).toBe(404);
    expect(jobs.serve(new Request(`${url}?again`)).status).toBe(404);
    expect(jobs.serve(new Request(url.replace(printScheme, 'https'))).status).toBe(404);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Bonjour } from 'bonjour-service';
import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { EsclScanner, ScannerError, discoverEscl, type ScannedPage } from '../../native/scanner/index';
import { tempDir } from '../support/tempDir';
import { scanToPdf } from '../../electron/services/scanning/scanToDocument';
import { ContractError } from '../../electron/contract/errors';
import { startEsclEmulator, type EsclEmulator } from '../support/esclEmulator';

let emulator: EsclEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

const driver = (base: string) => new EsclScanner({ urls: [base], retryDelayMs: 10 });

describe('eSCL driver against the eSCL emulator (real HTTP on loopback)', () => {
  it('reads capabilities and lists the scanner by URL', async () => {
    emulator = await startEsclEmulator();
    const scanner = driver(emulator.baseUrl);
    const list = await scanner.list();
    expect(list).toEqual([{ id: `escl:${emulator.baseUrl}`, name: 'Emulated eSCL Scanner', backend: 'escl', sources: ['flatbed', 'feeder', 'duplex'] }]);
    const caps = await scanner.capabilities(list[0]!.id);
    expect(caps.resolutions).toEqual([75, 150, 300, 600]);
    expect(caps.modes).toEqual(expect.arrayContaining(['color', 'gray', 'bw']));
    expect(caps.maxWidthMm).toBeCloseTo(215.9, 1);
  });

  it('a multi-page feeder job delivers every page, then ends on 404', async () => {
    emulator = await startEsclEmulator({ feederPages: 4 });
    const pages: ScannedPage[] = [];
    const result = await driver(emulator.baseUrl).scan(`escl:${emulator.baseUrl}`, { source: 'feeder', resolution: 80, mode: 'gray' }, (p) => {
      pages.push(p);
    });
    expect(result.pages).toBe(4);
    // 80 dpi is not offered: the nearest offered resolution (75) is asked for and reported.
    expect(pages.map((p) => p.resolution)).toEqual([75, 75, 75, 75]);
    expect((await sharp(pages[0]!.image).metadata()).width).toBe(620);
    expect(emulator.log.filter((l) => l.startsWith('POST /eSCL/ScanJobs 201'))).toHaveLength(1);
    expect(emulator.log.at(-2)).toMatch(/NextDocument 404$/);
  });

  it('retries NextDocument while the scanner answers 503', async () => {
    emulator = await startEsclEmulator({ feederPages: 2, notReadyPerPage: 3 });
    const result = await driver(emulator.baseUrl).scan(`escl:${emulator.baseUrl}`, { source: 'feeder', resolution: 75, mode: 'gray' }, () => undefined);
    expect(result.pages).toBe(2);
    expect(emulator.log.filter((l) => /NextDocument 503$/.test(l))).toHaveLength(6);
  });

  it('AdfJam after two pages is a jammed error that keeps the two pages', async () => {
    emulator = await startEsclEmulator({ feederPages: 5, jamAfterPages: 2 });
    const pages: number[] = [];
    const error = await driver(emulator.baseUrl)
      .scan(`escl:${emulator.baseUrl}`, { source: 'feeder', resolution: 75, mode: 'gray' }, (p) => {
        pages.push(p.index);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScannerError);
    expect((error as ScannerError).kind).toBe('jammed');
    expect((error as ScannerError).pagesDelivered).toBe(2);
    expect(pages).toEqual([1, 2]);
    // Through the pipeline it is the CLI's typed error.
    const again = await scanToPdf(driver(emulator.baseUrl), `escl:${emulator.baseUrl}`, { source: 'feeder', resolution: 75, mode: 'gray' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ContractError);
    expect((again as ContractError).code).toBe('SCANNER_JAMMED');
  });

  it('a busy scanner, an empty feeder and cancel are told apart; cancel DELETEs the job', async () => {
    emulator = await startEsclEmulator({ feederPages: 0, busy: true });
    const id = `escl:${emulator.baseUrl}`;
    const kind = (p: Promise<unknown>) => p.then(() => 'none', (e: unknown) => (e as ScannerError).kind);
    expect(await kind(driver(emulator.baseUrl).scan(id, { source: 'flatbed', resolution: 75, mode: 'gray' }, () => undefined))).toBe('busy');
    emulator.options.busy = false;
    expect(await kind(driver(emulator.baseUrl).scan(id, { source: 'feeder', resolution: 75, mode: 'gray' }, () => undefined))).toBe('noDocuments');
    await emulator.close();

    emulator = await startEsclEmulator({ feederPages: 10, notReadyPerPage: 1 });
    const controller = new AbortController();
    const result = driver(emulator.baseUrl).scan(`escl:${emulator.baseUrl}`, { source: 'feeder', resolution: 75, mode: 'gray', signal: controller.signal }, (p) => {
      if (p.index === 2) controller.abort();
    });
    expect(await kind(result)).toBe('cancelled');
    expect(emulator.log.some((l) => /^DELETE \/eSCL\/ScanJobs\/[\w-]+ 200$/.test(l))).toBe(true);
  });

  it('a flatbed job gives exactly one page into a one-page PDF', async () => {
    emulator = await startEsclEmulator();
    const { pages, pdf } = await scanToPdf(driver(emulator.baseUrl), `escl:${emulator.baseUrl}`, { source: 'flatbed', resolution: 150, mode: 'gray' });
    expect(pages).toHaveLength(1);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

/** The CLI in a child process without blocking this one (the emulator must keep answering). */
function motcuaAsync(args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'motcua', '--', ...args], { cwd: path.resolve(import.meta.dirname, '..', '..'), env: { ...process.env, ...env } }, (error, stdout) => {
      resolve({ status: error ? Number(error.code) : 0, stdout });
    });
  });
}

describe('eSCL through the CLI and mDNS', () => {
  it('motcua scanners and scan use an eSCL scanner configured by URL', async () => {
    emulator = await startEsclEmulator({ feederPages: 3 });
    const env = { MOTCUA_ESCL_SCANNERS: emulator.baseUrl, MOTCUA_ESCL_DISCOVER: '0', SANE_CONFIG_DIR: tempDir() };
    const listed = await motcuaAsync(['--json', 'scanners'], env);
    expect(JSON.parse(listed.stdout)).toEqual({ scanners: [{ id: `escl:${emulator.baseUrl}`, name: 'Emulated eSCL Scanner', backend: 'escl', sources: ['flatbed', 'feeder', 'duplex'] }] });
    const out = path.join(tempDir(), 'escl.pdf');
    const scanned = await motcuaAsync(['--json', 'scan', '--device', `escl:${emulator.baseUrl}`, '--source', 'adf', '--resolution', '75', '--out', out], env);
    expect(scanned.status).toBe(0);
    expect(JSON.parse(scanned.stdout)).toEqual({ out, pages: 3, bytes: fs.statSync(out).size });
  });

  it('finds a scanner announced as _uscan._tcp over mDNS', async () => {
    const bonjour = new Bonjour();
    bonjour.publish({ name: `Motcua test ${process.pid}`, type: 'uscan', port: 40000 + (process.pid % 20000), txt: { rs: 'eSCL' } });
    try {
      const urls = await discoverEscl(2500);
      expect(urls.some((u) => u.endsWith(`:${40000 + (process.pid % 20000)}/eSCL`))).toBe(true);
    } finally {
      await new Promise<void>((resolve) => bonjour.unpublishAll(() => resolve()));
      bonjour.destroy();
    }
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SaneScanner, ScannerError, type ScannedPage } from '../../native/scanner/index';
import { motcua } from '../support/cli';
import { saneEnv } from '../support/sane';
import { tempDir } from '../support/tempDir';

const scanner = (workDir?: string) => new SaneScanner({ env: saneEnv, workDir });

describe('SANE driver on the test backend (project-local SANE_CONFIG_DIR)', () => {
  it('lists the test devices with their sources and reads capabilities from -A', async () => {
    const list = await scanner().list();
    expect(list.map((d) => d.id)).toEqual(['sane:test:0', 'sane:test:1']);
    expect(list[0]).toMatchObject({ backend: 'sane', sources: ['flatbed', 'feeder'] });
    const capabilities = await scanner().capabilities('sane:test:0');
    expect(capabilities.modes).toEqual(expect.arrayContaining(['color', 'gray', 'bw']));
    expect(capabilities.resolutions).toContain(300);
    expect(capabilities.maxWidthMm).toBeGreaterThanOrEqual(210);
  });

  it('scans one flatbed page with progress, at the asked resolution', async () => {
    const pages: ScannedPage[] = [];
    const progress: number[] = [];
    const result = await scanner().scan('sane:test:0', { source: 'flatbed', resolution: 50, mode: 'gray', onProgress: (p) => progress.push(p.fraction) }, (p) => {
      pages.push(p);
    });
    expect(result.pages).toBe(1);
    expect(pages).toHaveLength(1);
    // A4 at 50 dpi is 413 × 585 pixels, give or take scanimage's rounding.
    const meta = await sharp(pages[0]!.image).metadata();
    expect(meta.format).toBe('tiff');
    expect(Math.abs(meta.width - 413)).toBeLessThanOrEqual(2);
    expect(Math.abs(meta.height - 585)).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe(1);
  });

  it('cancel mid-batch stops the device, keeps the pages delivered and leaves no page file behind', async () => {
    const work = tempDir();
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await scanner(work)
      .scan(
        'sane:test:0',
        { source: 'feeder', resolution: 50, mode: 'gray', signal: controller.signal, extraOptions: { 'read-delay': 'yes', 'read-delay-duration': '20000' } },
        (p) => {
          seen.push(p.index);
          if (p.index === 2) controller.abort();
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScannerError);
    expect((error as ScannerError).kind).toBe('cancelled');
    expect((error as ScannerError).pagesDelivered).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(fs.readdirSync(work)).toEqual([]);
  });
});

describe('motcua scan / scanners on the SANE test backend', () => {
  it('scanners lists the devices as {id, name, backend, sources}', () => {
    const run = motcua(['--json', 'scanners'], saneEnv);
    expect(run.status).toBe(0);
    const value = JSON.parse(run.stdout) as { scanners: { id: string; backend: string; sources: string[] }[] };
    expect(value.scanners[0]).toEqual({ id: 'sane:test:0', name: 'Noname frontend-tester', backend: 'sane', sources: ['flatbed', 'feeder'] });
  });

  it('a flatbed page becomes a one-page A4 PDF', async () => {
    const out = path.join(tempDir(), 'flatbed.pdf');
    const run = motcua(['--json', 'scan', '--device', 'sane:test:0', '--source', 'flatbed', '--resolution', '75', '--out', out], saneEnv);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ out, pages: 1, bytes: fs.statSync(out).size });
    const pdf = await PDFDocument.load(fs.readFileSync(out));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
  });

  it('a feeder batch becomes one 10-page PDF (the empty feeder ends it normally)', () => {
    const out = path.join(tempDir(), 'batch.pdf');
    const run = motcua(['--json', 'scan', '--device', 'sane:test:0', '--source', 'adf', '--resolution', '75', '--mode', 'bw', '--out', out], saneEnv);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ out, pages: 10 });
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+10/);
    expect(info).toMatch(/A4/);
  });

  it('--max-pages stops a feeder batch early', () => {
    const out = path.join(tempDir(), 'three.pdf');
    const run = motcua(['--json', 'scan', '--device', 'sane:test:0', '--source', 'adf', '--resolution', '50', '--max-pages', '3', '--out', out], saneEnv);
    expect(JSON.parse(run.stdout)).toMatchObject({ pages: 3 });
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'SCANNER_JAMMED', /kẹt/],
    ['SANE_STATUS_COVER_OPEN', 'SCANNER_COVER_OPEN', /nắp/],
    ['SANE_STATUS_DEVICE_BUSY', 'SCANNER_BUSY', /bận/],
    ['SANE_STATUS_NO_DOCS', 'SCANNER_NO_DOCUMENTS', /không có giấy/],
  ])('%s exits 1 with %s and writes nothing', (status, code, words) => {
    const dir = tempDir();
    const out = path.join(dir, 'never.pdf');
    const run = motcua(['--json', 'scan', '--device', 'sane:test:0', '--source', 'adf', '--resolution', '50', '--sane-option', `read-return-value=${status}`, '--out', out], saneEnv);
    expect(run.status).toBe(1);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message_vi: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message_vi).toMatch(words);
    expect(run.stderr).toMatch(new RegExp(`^error\\[${code}\\]: `));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an unknown device exits 1 with SCANNER_NOT_FOUND', () => {
    const out = path.join(tempDir(), 'none.pdf');
    const run = motcua(['--json', 'scan', '--device', 'sane:nosuch:0', '--out', out], saneEnv);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).toBe('SCANNER_NOT_FOUND');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a bad resolution is a usage error (exit 2) naming the option', () => {
    const run = motcua(['--json', 'scan', '--device', 'sane:test:0', '--resolution', 'high', '--out', path.join(tempDir(), 'x.pdf')], saneEnv);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--resolution/);
  });
});

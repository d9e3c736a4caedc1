/**
 * Scanning end to end, in Chromium over the real services: an official at the counter opens a
 * birth-registration draft's review, scans "Giấy chứng sinh" on the SANE test backend (three
 * pages, a jam in between that keeps them), moves the third page first, deletes one, keeps the
 * document, attaches the other papers and submits. axe and screenshots on each scan screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureDefinitionSchema } from '../../electron/contract/procedure';
import { jammedSaneConfigDir, saneConfigDir, slowSaneConfigDir } from '../support/sane';
import { axeCheck, launchChromium, repoRoot, screenshot, startHarness, startRendererServer, type Harness } from './harness';

const code = '1.001193';
const definition = procedureDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'procedures', `${code}.json`), 'utf8')));

let browser: Browser;
let server: Awaited<ReturnType<typeof startRendererServer>>;
const savedEnv = { sane: process.env.SANE_CONFIG_DIR, discover: process.env.MOTCUA_ESCL_DISCOVER };

beforeAll(async () => {
  // The harness's services drive scanimage with this process's environment, read at every scan.
  process.env.SANE_CONFIG_DIR = saneConfigDir;
  process.env.MOTCUA_ESCL_DISCOVER = '0';
  browser = await launchChromium();
  server = await startRendererServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (savedEnv.sane === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedEnv.sane;
  if (savedEnv.discover === undefined) delete process.env.MOTCUA_ESCL_DISCOVER;
  else process.env.MOTCUA_ESCL_DISCOVER = savedEnv.discover;
});

async function shoot(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await screenshot(page, name);
}

async function call<T>(h: Harness, method: string, input: unknown): Promise<T> {
  const result = await h.services.router.handle(method, input, { transport: 'e2e' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

const pageIds = (page: Page) => page.locator('.scan-pages__item').evaluateAll((items) => items.map((i) => i.getAttribute('data-page-id')));

describe('scan-and-review', () => {
  it('three pages scanned into a birth-registration draft, reordered, one deleted, submitted', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const { page } = h;
      // A counter that may submit: its unit and receiving agency are set.
      await h.services.settings.update({ unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
      const draft = await call<{ id: string }>(h, 'drafts.save', { procedureCode: code, mode: 'counter', answers: definition.example });
      await h.open(`/counter/thu-tuc/${code}/kiem-tra?hoSo=${draft.id}`);
      await page.getByRole('heading', { name: 'Giấy tờ còn thiếu' }).waitFor();
      await page.getByRole('link', { name: 'Quét Giấy chứng sinh' }).click();

      await page.getByRole('heading', { level: 1, name: 'Quét Giấy chứng sinh' }).waitFor();
      await page.getByLabel('Trên mặt kính (quét từng trang)').check();
      await shoot(page, '60-scan-start');

      await page.getByRole('button', { name: 'Quét', exact: true }).click();
      await expect.poll(() => page.locator('.scan-pages__item').count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('button', { name: 'Quét thêm trang' }).click();
      await expect.poll(() => page.locator('.scan-pages__item').count(), { timeout: 30_000 }).toBe(2);

      // The feeder jams: the error says what to do, and the two pages stay. (The batch before must
      // have ended first: its button is back.)
      await page.getByRole('button', { name: 'Quét thêm trang' }).waitFor({ timeout: 30_000 });
      process.env.SANE_CONFIG_DIR = jammedSaneConfigDir;
      await page.getByLabel('Vào khay nạp giấy (quét nhiều trang một lần)').check();
      await page.getByRole('button', { name: 'Quét thêm trang' }).click();
      await page.getByRole('alert').getByText('Giấy bị kẹt trong khay nạp — mở nắp, lấy giấy ra, bấm Quét tiếp.').waitFor({ timeout: 30_000 });
      expect(await page.locator('.scan-pages__item').count()).toBe(2);
      await shoot(page, '61-scan-jammed');

      await page.getByRole('button', { name: 'Quét tiếp' }).waitFor();
      process.env.SANE_CONFIG_DIR = saneConfigDir;
      await page.getByLabel('Trên mặt kính (quét từng trang)').check();
      await page.getByRole('button', { name: 'Quét tiếp' }).click();
      await expect.poll(() => page.locator('.scan-pages__item').count(), { timeout: 30_000 }).toBe(3);
      await page.getByRole('button', { name: /^Lưu giấy tờ \(3 trang\)/ }).waitFor();
      const [first, second, third] = await pageIds(page);

      // Page 3 moves to the front (two steps up), then page 3 (the old second) is deleted.
      await page.getByRole('button', { name: 'Lên trước Trang 3' }).click();
      await expect.poll(() => pageIds(page)).toEqual([first, third, second]);
      await page.getByRole('button', { name: 'Lên trước Trang 2' }).click();
      await expect.poll(() => pageIds(page)).toEqual([third, first, second]);
      await page.getByRole('button', { name: 'Xoá Trang 3' }).click();
      await expect.poll(() => pageIds(page)).toEqual([third, first]);
      await page.getByRole('button', { name: 'Xoay Trang 2' }).click();
      await page.getByRole('status').getByText('Đã xoay trang 2.').waitFor();
      await shoot(page, '62-scan-review');

      await page.getByRole('button', { name: /^Lưu giấy tờ \(2 trang\)/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra thông tin' }).waitFor();
      const attachments = (await call<{ attachments: { documentKind: string; sha256: string; mediaType: string }[] }>(h, 'drafts.get', { id: draft.id })).attachments;
      const scan = attachments.find((a) => a.documentKind === 'giayChungSinh');
      expect(scan?.mediaType).toBe('application/pdf');
      const files = (h.services.drafts as unknown as { files: { get(sha: string): Uint8Array } }).files;
      const pdf = await PDFDocument.load(files.get(scan!.sha256));
      expect(pdf.getPages().map((p) => (p.getWidth() > p.getHeight() ? 'landscape' : 'portrait'))).toEqual(['portrait', 'landscape']);

      // The other papers through their file inputs, then submit.
      const report = await call<{ missingDocuments: { kind: string; name: string }[] }>(h, 'drafts.validate', { id: draft.id });
      expect(report.missingDocuments.map((d) => d.kind)).not.toContain('giayChungSinh');
      const filler = Buffer.from('%PDF-1.4\n%scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      for (const d of report.missingDocuments) {
        await page.locator(`#attach-${d.kind}`).setInputFiles({ name: `${d.kind}.pdf`, mimeType: 'application/pdf', buffer: filler });
        await expect.poll(async () => (await call<{ attachments: { documentKind: string }[] }>(h, 'drafts.get', { id: draft.id })).attachments.map((a) => a.documentKind)).toContain(d.kind);
      }
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ đã được tiếp nhận' }).waitFor({ timeout: 20_000 });
      const dossierId = /\/da-nop\/([0-9a-f-]{36})/.exec(page.url())?.[1];
      const dossier = await call<{ draftId: string }>(h, 'dossiers.get', { id: dossierId });
      expect(dossier.draftId).toBe(draft.id);
      expect(h.problems).toEqual([]);
    } finally {
      process.env.SANE_CONFIG_DIR = saneConfigDir;
      await h.close();
    }
  });

  it('Dừng quét stops a feeder batch halfway and keeps the pages already scanned', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const { page } = h;
      const draft = await call<{ id: string }>(h, 'drafts.save', { procedureCode: code, mode: 'counter', answers: definition.example });
      await h.open(`/counter/thu-tuc/${code}/quet/giayChungSinh?hoSo=${draft.id}`);
      process.env.SANE_CONFIG_DIR = slowSaneConfigDir;
      await page.getByLabel('Vào khay nạp giấy (quét nhiều trang một lần)').check();
      await page.getByRole('button', { name: 'Quét', exact: true }).click();
      await expect.poll(() => page.locator('.scan-pages__item').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
      await page.getByRole('button', { name: 'Dừng quét' }).click();
      await page.getByRole('alert').getByText('Đã dừng quét. Các trang đã quét vẫn được giữ lại.').waitFor({ timeout: 30_000 });
      const kept = await page.locator('.scan-pages__item').count();
      // The test feeder holds ten sheets: stopping early leaves fewer, and none of those is lost.
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThan(10);
      await page.getByRole('button', { name: 'Quét tiếp' }).waitFor();
      await shoot(page, '63-scan-cancelled');
      expect(h.problems).toEqual([]);
    } finally {
      process.env.SANE_CONFIG_DIR = saneConfigDir;
      await h.close();
    }
  });
});

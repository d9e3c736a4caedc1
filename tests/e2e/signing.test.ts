import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignatures } from '../../electron/services/signing/verify';
import { pdfsig } from '../support/pdfsig';
import { createSoftHsmToken, softhsmModule, type SoftHsmToken } from '../support/softhsm';
import { axeCheck, launchChromium, screenshot, startHarness, startRendererServer } from './harness';

// The counter signs a dossier's application form with a real SoftHSM2 token through the real UI.
let browser: Browser;
let server: Awaited<ReturnType<typeof startRendererServer>>;
let token: SoftHsmToken;

beforeAll(async () => {
  token = createSoftHsmToken();
  // The PKCS#11 module reads SOFTHSM2_CONF from the process environment (its worker thread too).
  process.env.SOFTHSM2_CONF = token.conf;
  browser = await launchChromium();
  server = await startRendererServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  token?.remove();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('group', { name: 'Bàn phím số nhập mã PIN' }).getByRole('button', { name: digit, exact: true }).click();
}

describe('Ký số đơn at the counter', () => {
  it('chooses a certificate, refuses a wrong PIN, signs with the keypad and shows the verified result', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const ctx = { transport: 'e2e' };
      await h.services.settings.update({ unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
      const example = h.services.catalogue.get('1.001193').example;
      const saved = (await h.services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers: example }, ctx)) as { ok: true; value: { id: string } };
      const report = (await h.services.router.handle('drafts.validate', { id: saved.value.id }, ctx)) as { ok: true; value: { missingDocuments: { kind: string }[] } };
      for (const d of report.value.missingDocuments) {
        await h.services.router.handle('drafts.attach', { draftId: saved.value.id, documentKind: d.kind, fileName: 'scan.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4') }, ctx);
      }
      const submitted = (await h.services.router.handle('dossiers.submit', { draftId: saved.value.id }, ctx)) as { ok: true; value: { dossierId: string } };
      expect(submitted.ok).toBe(true);
      const { page } = h;

      await h.open(`/counter/da-nop/${submitted.value.dossierId}`);
      await page.getByRole('link', { name: 'Ký số đơn' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ký số đơn đề nghị');

      await page.getByLabel('Thư viện PKCS#11 của USB ký số').fill(softhsmModule);
      await page.getByRole('button', { name: 'Tìm USB ký số' }).click();
      const rsa = page.getByRole('radio', { name: /Nguyễn Văn An/ });
      // The first call starts the signing worker (under tsx it compiles pdf-lib, pkijs…): generous on a busy machine.
      await rsa.waitFor({ timeout: 90_000 });
      await expect.poll(() => page.getByText(/Cấp bởi: Motcua Test Root CA · Hiệu lực đến:/).count()).toBe(2);
      await rsa.check();
      await expectAccessible(page, 'choose certificate');
      await screenshot(page, '70-sign-choose');

      // A wrong PIN: typed error from the token, no signed file, the keypad cleared.
      await typePin(page, '999999');
      await expect.poll(() => page.locator('#sign-pin-display').textContent()).toBe('●●●●●●');
      await page.getByRole('button', { name: 'Ký số', exact: true }).click();
      await page.getByRole('alert').getByText('Mã PIN không đúng').first().waitFor({ timeout: 60_000 });
      expect(await page.locator('#sign-pin-display').textContent()).toBe('Chưa nhập mã PIN');
      // The token is listed again (its PIN flags changed): the chosen certificate stays chosen.
      await expect.poll(() => page.getByText('USB token báo đã có lần nhập sai mã PIN').count(), { timeout: 60_000 }).toBe(1);
      expect(await rsa.isChecked()).toBe(true);
      await expectAccessible(page, 'wrong PIN');
      await screenshot(page, '71-sign-wrong-pin');

      await typePin(page, token.pin);
      await page.getByRole('button', { name: 'Ký số', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Đã ký số đơn' }).waitFor({ timeout: 90_000 });
      await page.getByText('Chữ ký 1 (Nguyễn Văn An): hợp lệ').waitFor();
      await page.getByText('Chữ ký cuối cùng bao trùm toàn bộ tệp.').waitFor();
      await expectAccessible(page, 'signed');
      await screenshot(page, '72-sign-done');

      // The download is the signed form: pdfsig agrees.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải đơn đã ký (PDF)' }).click()]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-signed-')), 'don.pdf');
      await download.saveAs(file);
      const checked = pdfsig(file);
      expect(checked.entries, checked.text).toHaveLength(1);
      expect(checked.entries[0]).toMatchObject({ valid: true, totalDocumentSigned: true, signer: 'Nguyễn Văn An' });
      expect(verifyPdfSignatures(new Uint8Array(fs.readFileSync(file)))[0]!.valid).toBe(true);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

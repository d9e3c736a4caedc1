/**
 * The citizen ID card's QR code end to end, in Chromium over the real services: the kiosk's
 * camera (Chromium's fake capture device playing a generated QR code) and a keyboard-wedge
 * reader (a 5 ms/key burst typed into a focused field) both fill the requester step of birth
 * registration — only after the person confirms, and without overwriting what was typed silently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCccdQr, type CccdData } from '../../electron/contract/cccd/index';
import { writeQrY4m } from '../support/qrY4m';
import { typeLikeReader } from '../support/readerKeys';
import { axeCheck, launchChromium, screenshot, startHarness, startRendererServer, type Harness } from './harness';

const code = '1.001193';
const card: CccdData = {
  idNumber: '079195003456',
  oldIdNumber: '025111222',
  fullName: 'Trần Thị Bích Ngọc',
  dateOfBirth: '1995-11-02',
  sex: 'female',
  address: 'Ấp 3, Xã Tân Phú, Huyện Châu Thành, Tỉnh Tiền Giang',
  issueDate: '2022-04-25',
};
/** What a wedge reader set to a US layout types: ASCII capitals (kept as given by the parser). */
const wedgeText = '079195003456||TRAN THI BICH NGOC|02111995|NU|AP 3, XA TAN PHU, HUYEN CHAU THANH, TIEN GIANG|25042022';

const videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cccd-cam-'));
const video = path.join(videoDir, 'cccd-qr.y4m');
let browser: Browser;
let server: Awaited<ReturnType<typeof startRendererServer>>;

beforeAll(async () => {
  writeQrY4m(video, formatCccdQr(card));
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  server = await startRendererServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(videoDir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await screenshot(page, `70-cccd-${name}`);
}

async function answersOf(h: Harness, page: Page): Promise<Record<string, unknown>> {
  const id = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('hoSo');
  if (!id) return {};
  const r = (await h.services.router.handle('drafts.get', { id }, { transport: 'e2e' })) as { ok: boolean; value?: { answers: Record<string, unknown> } };
  return r.value?.answers ?? {};
}

describe('CCCD QR', () => {
  it('kiosk: the QR shown to the camera fills the requester step after the resident confirms', async () => {
    const h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
    try {
      const { page } = h;
      await h.context.grantPermissions(['camera'], { origin: server.url });
      // Keep a handle on every camera track the page opens, to check that each one is stopped.
      await page.addInitScript({
        content: `(() => {
          const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
          window.__cameraTracks = [];
          navigator.mediaDevices.getUserMedia = async (c) => {
            const stream = await original(c);
            window.__cameraTracks.push(...stream.getTracks());
            return stream;
          };
        })();`,
      });
      await h.open(`/kiosk/thu-tuc/${code}`);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await page.waitForURL(/\/cau\//);
      // Straight to the requester's first question (the earlier steps are the wizard test's job).
      await page.evaluate(() => {
        location.hash = location.hash.replace(/\/cau\/[^?]+/, '/cau/requesterFullName');
      });
      await page.locator('h1', { hasText: 'Họ, chữ đệm, tên của người yêu cầu' }).waitFor();

      await page.getByRole('button', { name: 'Quét CCCD' }).click();
      await page.getByRole('button', { name: 'Dùng camera' }).click();
      const confirmHeading = page.getByRole('heading', { name: 'Kiểm tra thông tin trên thẻ' });
      await confirmHeading.waitFor({ timeout: 60_000 });
      // Found: the camera is off and its picture gone before anything else happens.
      expect(await page.locator('video').count()).toBe(0);
      expect(await page.evaluate('window.__cameraTracks.map((t) => t.readyState)')).toEqual(['ended']);
      // Nothing is filled before the resident confirms.
      expect(await page.locator('#field-requesterFullName').inputValue()).toBe('');
      expect(await page.locator('[data-cccd-field="fullName"]').textContent()).toBe(card.fullName);
      expect(await page.locator('[data-cccd-field="dateOfBirth"]').textContent()).toBe('02/11/1995');
      await shoot(page, 'kiosk-confirm');

      await page.getByRole('button', { name: 'Đúng, điền vào tờ khai' }).click();
      await page.getByRole('status').getByText('Đã điền 4 mục từ thẻ căn cước').waitFor();
      expect(await page.locator('#field-requesterFullName').inputValue()).toBe(card.fullName);
      await shoot(page, 'kiosk-filled');

      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.locator('#field-requesterIdNumber').waitFor();
      expect(await page.locator('#field-requesterIdNumber').inputValue()).toBe(card.idNumber);
      await expect
        .poll(async () => {
          const a = await answersOf(h, page);
          return { dob: a.requesterDateOfBirth, address: (a.requesterAddress as { detail?: string } | undefined)?.detail };
        })
        .toEqual({ dob: card.dateOfBirth, address: card.address });
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('counter: a wedge burst in a focused field goes to the confirmation, not the field; typing stays typing', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const { page } = h;
      await h.open(`/counter/thu-tuc/${code}/buoc/requester`);
      await page.locator('h1', { hasText: 'Người yêu cầu đăng ký khai sinh' }).waitFor();
      const name = page.locator('#field-requesterFullName');
      await name.focus();
      // A person typing (80 ms per key) is never taken for a reader.
      await page.keyboard.type('Tran Ngoc', { delay: 80 });
      expect(await name.inputValue()).toBe('Tran Ngoc');
      expect(await page.getByRole('heading', { name: 'Kiểm tra thông tin trên thẻ' }).count()).toBe(0);

      // The reader: 5 ms per key, then Enter.
      await typeLikeReader(page, wedgeText, 5);
      await page.getByRole('heading', { name: 'Kiểm tra thông tin trên thẻ' }).waitFor();
      expect(await name.inputValue()).toBe('Tran Ngoc');
      // What was typed differs from the card: shown, kept unless the official chooses the card.
      const conflict = page.getByRole('group', { name: /Họ, chữ đệm, tên của người yêu cầu: đã nhập khác với thẻ/ });
      await conflict.getByLabel('Giữ giá trị đã nhập: Tran Ngoc').waitFor();
      await shoot(page, 'counter-conflict');
      await conflict.getByLabel('Dùng giá trị trên thẻ: TRAN THI BICH NGOC').check();
      await page.getByRole('button', { name: 'Đúng, điền vào tờ khai' }).click();
      await page.getByRole('status').getByText(/Đã điền 4 mục/).waitFor();
      expect(await name.inputValue()).toBe('TRAN THI BICH NGOC');
      expect(await page.locator('#field-requesterIdNumber').inputValue()).toBe('079195003456');
      expect(await page.locator('#field-requesterDateOfBirth').inputValue()).toBe('02');
      await shoot(page, 'counter-filled');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

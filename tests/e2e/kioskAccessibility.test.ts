/**
 * A kiosk for everyone (issue #9), end to end in Chromium over the real services and SQLite:
 * - "Nguyễn Thị Hương", a CCCD number and a birth date entered with on-screen keys only (mouse
 *   clicks on the keyboard's buttons; the physical keyboard is never used), Telex and VNI;
 * - the keyboard photographed at two text sizes and in high contrast; axe on every kiosk screen
 *   in those looks (no serious or critical violation);
 * - a rating given at the end of a kiosk submission shows in the counter's figures for the day;
 *   the attract screen shows the procedure just used and resets the look;
 * - "Gọi cán bộ hỗ trợ" from a kiosk reaches a second service instance (the counter PC) over
 *   loopback HTTP, where it is seen and acknowledged;
 * - the speaker button is not offered without a Vietnamese voice (this Chromium has none).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, launchChromium, screenshot, startHarness, startRendererServer, type Harness } from './harness';

const code = '1.001193';

let browser: Browser;
let server: Awaited<ReturnType<typeof startRendererServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startRendererServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newKiosk(): Promise<Harness> {
  const h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
  await h.services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H22', kioskIdleWarningSeconds: 30, kioskIdleWipeSeconds: 600 });
  // Every keyboard event reaching the page is counted: the test must type with clicks only.
  await h.page.addInitScript({ content: `window.__keyEvents = 0; window.addEventListener('keydown', () => { window.__keyEvents += 1; }, true);` });
  return h;
}

async function h1Text(page: Page): Promise<string> {
  return (await page.locator('h1').first().textContent()) ?? '';
}

const axeFailures: string[] = [];

/** axe on the page as it is; serious and critical violations fail the test, the screen is named. */
async function axeClean(page: Page, screen: string): Promise<void> {
  const violations = await axeCheck(page);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) axeFailures.push(screen);
  expect(bad, `${screen}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
}

function keyboard(page: Page): Locator {
  return page.getByRole('region', { name: 'Bàn phím trên màn hình' });
}

/** Clicks one key of the on-screen keyboard by its label. */
async function key(page: Page, label: string): Promise<void> {
  await keyboard(page).getByRole('button', { name: label, exact: true }).click();
}

/** Types keys as a resident would tap them: capitals through the one-shot Shift key. */
async function tap(page: Page, keys: string): Promise<void> {
  for (const ch of keys) {
    if (ch === ' ') await key(page, 'Dấu cách');
    else if (ch !== ch.toLowerCase()) {
      await key(page, '⇧ Chữ hoa');
      await key(page, ch);
    } else await key(page, ch);
  }
}

async function continueTo(page: Page): Promise<void> {
  const before = page.url();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect.poll(() => page.url()).not.toBe(before);
}

function draftIdOf(page: Page): string {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('hoSo') ?? '';
}

async function looks(page: Page): Promise<{ size: string | null; contrast: string | null }> {
  return page.evaluate(() => ({ size: document.documentElement.getAttribute('data-text-size'), contrast: document.documentElement.getAttribute('data-contrast') }));
}

describe('on-screen keyboard, text size and contrast', () => {
  it('a name, a CCCD number and a birth date typed with on-screen keys only; keyboard photographed in three looks; axe on each kiosk screen', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      await h.open('/kiosk');
      await axeClean(page, 'welcome');
      // No Vietnamese voice in this Chromium: the speaker button is not offered (never a wrong-language voice).
      expect(await page.getByRole('button', { name: 'Nghe hướng dẫn' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await expect.poll(() => h1Text(page)).toBe('Làm thủ tục tại kiosk');
      await axeClean(page, 'start');
      await page.getByRole('button', { name: 'Chọn thủ tục' }).click();
      await page.getByRole('region', { name: 'Các thủ tục thường làm' }).waitFor();
      // The search box takes on-screen keys too (diacritics optional in the search).
      await tap(page, 'khai sinh');
      expect(await page.getByRole('searchbox').inputValue()).toBe('khai sinh');
      await page.getByRole('list', { name: /Kết quả/ }).getByRole('link', { name: /Đăng ký khai sinh/ }).first().waitFor();
      await axeClean(page, 'choose procedure');
      await h.open(`/kiosk/thu-tuc/${code}`);
      await axeClean(page, 'procedure start page');

      // The printable list of papers, from the procedure's start page.
      await page.getByRole('link', { name: 'Xem và in danh sách giấy tờ cần mang theo' }).click();
      await expect.poll(() => h1Text(page)).toContain('Giấy tờ cần mang theo');
      expect(await page.locator('.checklist li').count()).toBeGreaterThan(0);
      await axeClean(page, 'papers to bring');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.kiosk-toolbar').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: 'Quay lại' }).click();

      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await expect.poll(() => h1Text(page)).toBe('Đồng ý cho phép xử lý dữ liệu cá nhân');
      await axeClean(page, 'consent');
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      // Two choice questions (no keyboard on them), then the name.
      for (let guard = 0; guard < 4 && !(await h1Text(page)).startsWith('Họ, chữ đệm, tên'); guard++) {
        expect(await keyboard(page).isVisible()).toBe(false);
        await axeClean(page, `choice question ${guard + 1}`);
        await page.getByRole('radio').first().check();
        await continueTo(page);
      }
      await expect.poll(() => h1Text(page)).toContain('Họ, chữ đệm, tên của người yêu cầu');
      const nameField = page.getByRole('textbox', { name: /Họ, chữ đệm, tên của người yêu cầu/ });
      await expect.poll(() => keyboard(page).isVisible()).toBe(true);

      // Telex, with a mistake corrected by the keyboard's delete: "Hường" ⌫ → "Hương".
      await tap(page, 'Nguyeenx Thij Huwowngf');
      expect(await nameField.inputValue()).toBe('Nguyễn Thị Hường');
      await key(page, '⌫ Xoá');
      expect(await nameField.inputValue()).toBe('Nguyễn Thị Hương');
      await screenshot(page, 'kiosk-keyboard-text-standard');
      await axeClean(page, 'text question with keyboard');

      // Text size 3 and high contrast: photographed, checked.
      await page.getByRole('button', { name: 'Chữ rất lớn' }).click();
      expect(await looks(page)).toEqual({ size: '3', contrast: null });
      // The keyboard sits under the field in the page, never over it.
      const field = (await nameField.boundingBox())!;
      expect(field.y + field.height).toBeLessThanOrEqual((await keyboard(page).boundingBox())!.y);
      const keyHeight = (await keyboard(page).getByRole('button', { name: 'a', exact: true }).boundingBox())!.height;
      expect(keyHeight).toBeGreaterThanOrEqual(44);
      await screenshot(page, 'kiosk-keyboard-text-very-large');
      await axeClean(page, 'text question, very large text');
      await page.getByRole('button', { name: 'Tương phản cao' }).click();
      expect(await looks(page)).toEqual({ size: '3', contrast: 'high' });
      await screenshot(page, 'kiosk-keyboard-high-contrast-very-large');
      await axeClean(page, 'text question, high contrast, very large');
      await page.getByRole('button', { name: 'Chữ lớn' }).click();
      await screenshot(page, 'kiosk-keyboard-high-contrast-large');
      await axeClean(page, 'text question, high contrast, large');

      // VNI, then erased key by key back to the name: composing then deleting returns to the start.
      await page.getByRole('button', { name: 'VNI' }).click();
      await tap(page, ' D9a8ng5');
      expect(await nameField.inputValue()).toBe('Nguyễn Thị Hương Đặng');
      for (let i = 0; i < 'D9a8ng5'.length + 1; i++) await key(page, '⌫ Xoá');
      expect(await nameField.inputValue()).toBe('Nguyễn Thị Hương');
      await page.getByRole('button', { name: 'Telex' }).click();

      await continueTo(page);
      const draftId = draftIdOf(page);
      await expect.poll(() => h.services.drafts.get(draftId).answers.requesterFullName).toBe('Nguyễn Thị Hương');
      expect(String(h.services.drafts.get(draftId).answers.requesterFullName)).toBe('Nguyễn Thị Hương'.normalize('NFC'));

      // CCCD number: the number pad.
      await expect.poll(() => h1Text(page)).toContain('Số định danh cá nhân');
      expect(await keyboard(page).getByRole('button', { name: 'q', exact: true }).count()).toBe(0);
      await screenshot(page, 'kiosk-keyboard-numeric-high-contrast');
      await axeClean(page, 'number question with number pad');
      for (const digit of '001090012345') await key(page, digit);
      await continueTo(page);

      // Birth date: day, month, year with the pad; the resident moves on with "Ô tiếp theo" (no auto-jump).
      await expect.poll(() => h1Text(page)).toContain('Ngày, tháng, năm sinh');
      await axeClean(page, 'date question with number pad');
      for (const digit of '12') await key(page, digit);
      await key(page, 'Ô tiếp theo →');
      for (const digit of '05') await key(page, digit);
      await key(page, 'Ô tiếp theo →');
      for (const digit of '1990') await key(page, digit);
      expect(await page.getByLabel('Ngày', { exact: true }).inputValue()).toBe('12');
      expect(await page.getByLabel('Tháng', { exact: true }).inputValue()).toBe('05');
      expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe('1990');
      await continueTo(page);
      await expect.poll(() => h.services.drafts.get(draftId).answers.requesterDateOfBirth).toBe('1990-05-12');
      expect(h.services.drafts.get(draftId).answers.requesterIdNumber).toBe('001090012345');

      // The look lasts for the session, and a wipe resets it.
      expect(await looks(page)).toEqual({ size: '2', contrast: 'high' });
      await page.getByRole('button', { name: 'Hủy và xóa' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Có, hủy và xóa' }).click();
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      expect(await looks(page)).toEqual({ size: null, contrast: null });

      expect(await page.evaluate(() => (window as unknown as { __keyEvents: number }).__keyEvents), 'no physical key was pressed').toBe(0);
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('rating, counter figures, attract screen', () => {
  it('a rating given at the kiosk appears in the counter figures of the day; the attract screen then shows the procedure', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      const example = h.services.catalogue.get(code).example;
      const saved = (await h.services.router.handle('drafts.save', { procedureCode: code, mode: 'kiosk', answers: example }, { transport: 'e2e' })) as { ok: true; value: { id: string; retrievalCode: string } };
      const draftId = saved.value.id;
      const report = (await h.services.router.handle('drafts.validate', { id: draftId }, { transport: 'e2e' })) as { ok: true; value: { missingDocuments: { kind: string }[] } };
      const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
      for (const d of report.value.missingDocuments) {
        await h.services.router.handle('drafts.attach', { draftId, documentKind: d.kind, fileName: `${d.kind}.pdf`, mediaType: 'application/pdf', content: pdf }, { transport: 'e2e' });
      }
      const [y, m, d] = String(example.requesterDateOfBirth).split('-');

      await h.open('/kiosk/tiep-tuc');
      await axeClean(page, 'resume');
      // The retrieval code and the date of birth on the on-screen keys: the code is typed as
      // pressed (no Telex: its letters are not Vietnamese words).
      await expect.poll(() => keyboard(page).isVisible()).toBe(true);
      expect(await keyboard(page).getByRole('button', { name: 'VNI' }).count()).toBe(0);
      await tap(page, saved.value.retrievalCode);
      expect(await page.getByLabel('Mã hồ sơ tạm').inputValue()).toBe(saved.value.retrievalCode);
      await page.getByLabel('Ngày', { exact: true }).click();
      for (const part of [String(Number(d)), String(Number(m)), y!]) {
        for (const digit of part) await key(page, digit);
        await key(page, 'Ô tiếp theo →');
      }
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await expect.poll(() => h1Text(page)).toBe('Kiểm tra thông tin');
      await page.getByRole('button', { name: 'Tương phản cao' }).click();
      await axeClean(page, 'check answers, high contrast');
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await expect.poll(() => h1Text(page), { timeout: 20_000 }).toBe('Hồ sơ đã được tiếp nhận');

      // The rating: a face, a comment typed on the on-screen keyboard.
      const rating = page.getByRole('region', { name: 'Bạn có hài lòng với kiosk không?' });
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await rating.getByText('Hãy chọn một mặt để gửi đánh giá.').waitFor();
      await rating.locator('label[for="rating-4"]').click();
      await rating.getByRole('textbox', { name: 'Góp ý của bạn (không bắt buộc)' }).click();
      await tap(page, 'Nhanh, toots');
      expect(await rating.getByRole('textbox').inputValue()).toBe('Nhanh, tốt');
      await screenshot(page, 'kiosk-rating-high-contrast');
      await axeClean(page, 'confirmation with rating, high contrast');
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByText('Cảm ơn bạn đã đánh giá!').waitFor();
      const stored = h.services.db.prepare<[], { score: number; comment: string; procedure_code: string; sent_at: string | null }>('SELECT score, comment, procedure_code, sent_at FROM kiosk_ratings').all();
      expect(stored).toEqual([{ score: 4, comment: expect.stringMatching(/^enc1:/), procedure_code: code, sent_at: null }]);
      expect(h.services.kioskAssist.ratings.unsent(10)).toMatchObject([{ score: 4, comment: 'Nhanh, tốt', procedureCode: code }]);

      // Attract screen after the idle time on the welcome: invites, shows the procedure used, resets the look.
      await page.clock.install();
      await page.getByRole('button', { name: 'Hoàn tất' }).click();
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      await page.getByRole('button', { name: 'Tương phản cao' }).click();
      expect((await looks(page)).contrast).toBe('high');
      await page.clock.runFor(31_000);
      const attract = page.getByRole('dialog', { name: 'Mời bạn làm thủ tục tại đây' });
      await attract.waitFor();
      await attract.getByRole('button', { name: /Đăng ký khai sinh/ }).waitFor();
      expect(await attract.getByText('1 hồ sơ').count()).toBe(1);
      expect(await looks(page)).toEqual({ size: null, contrast: null });
      await screenshot(page, 'kiosk-attract');
      await axeClean(page, 'attract screen');
      await attract.getByRole('button', { name: 'Chạm để bắt đầu' }).click();
      await expect.poll(() => attract.count()).toBe(0);

      // The counter screen of this installation: today's figures.
      await h.open('/counter');
      const figures = page.getByTestId('ratings-today');
      await figures.waitFor();
      await expect.poll(async () => (await figures.innerText()).replace(/\s+/g, ' ')).toContain('Số lượt đánh giá 1 Điểm trung bình (1–5) 4 Số góp ý 1');
      expect(await page.getByRole('row', { name: 'Hài lòng 1' }).count()).toBe(1);
      await screenshot(page, 'counter-ratings-today');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('"Gọi cán bộ hỗ trợ" between two machines on loopback', () => {
  it('the call is seen and heard at the counter, acknowledged there; the kiosk says it was sent', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const counter = await startHarness({ browser, baseUrl: server.url });
    const kiosk = await newKiosk();
    try {
      await counter.services.router.handle('kioskAssist.configure', { listenPort: port, listenHost: '127.0.0.1' }, { transport: 'e2e' });
      await kiosk.services.router.handle('kioskAssist.configure', { counterUrl: `http://127.0.0.1:${port}`, kioskName: 'Kiosk sảnh chính' }, { transport: 'e2e' });
      await counter.open('/counter');
      await counter.page.getByText('Chưa có kiosk nào gọi.').waitFor();

      await kiosk.open('/kiosk/start');
      await kiosk.page.getByRole('button', { name: 'Gọi cán bộ hỗ trợ' }).click();
      await kiosk.page.getByRole('status').getByText('Đã gọi cán bộ.', { exact: false }).waitFor();
      await axeClean(kiosk.page, 'kiosk after calling for help');

      const alert = counter.page.getByRole('alert').getByText('Kiosk sảnh chính đang gọi cán bộ hỗ trợ', { exact: false });
      await alert.waitFor({ timeout: 10_000 });
      await screenshot(counter.page, 'counter-help-call');
      await counter.page.getByRole('button', { name: 'Đã tiếp nhận' }).click();
      await expect.poll(() => alert.count()).toBe(0);
      await counter.page.getByText('Đã tiếp nhận lúc', { exact: false }).waitFor();
      expect(kiosk.problems).toEqual([]);
      expect(counter.problems).toEqual([]);
    } finally {
      await kiosk.close();
      await counter.close();
    }
  });
});

describe('voice guidance', () => {
  it('with a Vietnamese voice, the speaker button reads the question and its help, never by itself, and stops', async () => {
    // No Vietnamese voice exists in this Chromium (nor any TTS we could ship): the platform's
    // speech API is replaced by a recorder offering one vi-VN voice, to check what is read and when.
    const h = await newKiosk();
    try {
      const { page } = h;
      await page.addInitScript({
        content: `(() => {
          const log = [];
          window.__speech = log;
          class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; } }
          window.SpeechSynthesisUtterance = Utterance;
          const voice = { lang: 'vi-VN', name: 'Tiếng Việt (thử)', default: false, localService: true, voiceURI: 'vi' };
          const synth = {
            getVoices: () => [voice],
            speak: (u) => log.push({ op: 'speak', text: u.text, lang: u.lang, voice: u.voice && u.voice.name }),
            cancel: () => log.push({ op: 'cancel' }),
            addEventListener: () => undefined,
            removeEventListener: () => undefined,
          };
          Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
        })();`,
      });
      await h.open(`/kiosk/thu-tuc/${code}`);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      for (let guard = 0; guard < 4 && !(await h1Text(page)).startsWith('Họ, chữ đệm, tên'); guard++) {
        await page.getByRole('radio').first().check();
        await continueTo(page);
      }
      const spoken = () => page.evaluate(() => (window as unknown as { __speech: { op: string; text?: string; lang?: string; voice?: string }[] }).__speech.filter((e) => e.op === 'speak'));
      expect(await spoken(), 'nothing is read before the button is pressed').toEqual([]);
      const listen = page.getByRole('button', { name: 'Nghe hướng dẫn' });
      await listen.click();
      const said = await spoken();
      expect(said).toHaveLength(1);
      expect(said[0]).toMatchObject({ lang: 'vi-VN', voice: 'Tiếng Việt (thử)' });
      expect(said[0]!.text).toContain('Họ, chữ đệm, tên của người yêu cầu');
      expect(said[0]!.text).toContain('Viết đầy đủ, có dấu');
      const stop = page.getByRole('button', { name: 'Dừng đọc' });
      expect(await stop.getAttribute('aria-pressed')).toBe('true');
      await axeClean(page, 'question while reading aloud');
      await stop.click();
      await listen.waitFor();
      const log = await page.evaluate(() => (window as unknown as { __speech: { op: string }[] }).__speech.map((e) => e.op));
      expect(log.at(-1)).toBe('cancel');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

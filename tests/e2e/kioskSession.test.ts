/**
 * The kiosk session end to end, in Chromium over the real services and SQLite: the inactivity
 * warning (seen, with its countdown; one tap extends), the wipe at the timeout, and after it
 * nothing of the resident reachable by Back, history, reload or the old address; the consent page
 * ("Không đồng ý" collects nothing); "Hoàn tất" wiping the same way. Time is driven by Playwright's
 * clock, with the timeouts shortened through the settings (30 s warning, 60 s wipe).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureDefinitionSchema, type ProcedureDefinition } from '../../electron/contract/procedure';
import { axeCheck, launchChromium, repoRoot, screenshot, startHarness, startRendererServer, type Harness } from './harness';

const code = '1.001193';
const definition: ProcedureDefinition = procedureDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'procedures', `${code}.json`), 'utf8')));
const example = definition.example;
/** A name no other screen could show by chance. */
const typedName = 'Lê Thị Riêng Tư';

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
  await h.services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H22', kioskIdleWarningSeconds: 30, kioskIdleWipeSeconds: 60 });
  return h;
}

async function h1Text(page: Page): Promise<string> {
  return (await page.locator('h1').first().textContent()) ?? '';
}

function currentPagePath(page: Page): string | null {
  const match = /\/cau\/([^?]+)/.exec(decodeURIComponent(new URL(page.url()).hash));
  return match ? match[1]! : null;
}

function draftIdOf(page: Page): string | null {
  return new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('hoSo');
}

/** Everything a person could read on the page: its text and the values in its fields. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((el) => el.value);
    return `${document.body?.innerText ?? ''}\n${values.join('\n')}`;
  });
}

/** After a history move the router may redirect; give it a moment, then read the page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForTimeout(300);
  if (page.url().startsWith(server.url)) await page.locator('h1').first().waitFor({ timeout: 5000 });
}

async function expectNothingOf(page: Page, secrets: string[], where: string): Promise<void> {
  const text = await readable(page);
  for (const secret of secrets) expect(text, `${secret} on ${where} (${page.url()})`).not.toContain(secret);
}

/** Answers the question page on screen from the definition's example (the name: the typed one). */
async function answerExample(page: Page, pagePath: string): Promise<void> {
  const question = definition.steps.flatMap((s) => s.questions).find((q) => q.id === pagePath);
  if (!question) throw new Error(`not a top-level question: ${pagePath}`);
  const id = `field-${pagePath}`;
  const value = example[pagePath];
  if (question.type === 'radio' && typeof value === 'string') {
    await page.locator(question.options[0]?.value === value ? `#${id}` : `#${id}-${value}`).check();
  } else if (question.type === 'text') {
    await page.locator(`#${id}`).fill(pagePath === 'requesterFullName' ? typedName : String(value ?? ''));
  } else {
    throw new Error(`the test does not answer ${question.type} questions`);
  }
}

async function pressContinue(page: Page): Promise<void> {
  const before = page.url();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect.poll(() => page.url()).not.toBe(before);
}

describe('kiosk session: inactivity warning, then wipe', () => {
  it('a half-filled session: warning with countdown, one tap extends, wiped at the timeout; Back, reload and the old address show nothing', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      await page.clock.install();
      await h.open('/kiosk');
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('button', { name: 'Chọn thủ tục' }).click();
      await page.getByRole('region', { name: 'Các thủ tục thường làm' }).getByRole('link', { name: new RegExp(definition.name) }).first().click();
      await expect.poll(() => h1Text(page)).toBe(definition.name);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();

      // Consent first: nothing asked before it.
      await expect.poll(() => h1Text(page)).toBe('Đồng ý cho phép xử lý dữ liệu cá nhân');
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();

      // Answer until the requester's name is typed (two questions and the name).
      const answered: string[] = [];
      for (let guard = 0; guard < 5 && !answered.includes('requesterFullName'); guard++) {
        await expect.poll(() => currentPagePath(page)).not.toBeNull();
        const pagePath = currentPagePath(page)!;
        await answerExample(page, pagePath);
        answered.push(pagePath);
        await pressContinue(page);
      }
      expect(answered).toContain('requesterFullName');
      // Back to the name's page: the resident's data is on screen (so the checks below can see it).
      await page.getByRole('link', { name: 'Quay lại' }).click();
      await expect.poll(() => currentPagePath(page)).toBe('requesterFullName');
      await page.getByText(/^Đã lưu lúc/).waitFor();
      const draftId = draftIdOf(page);
      expect(draftId).toBeTruthy();
      const residentUrl = page.url();
      expect(await readable(page)).toContain(typedName);

      // 30 s without a touch: "Bạn còn đó không?", focused, counting down to the wipe.
      await page.clock.fastForward('00:31');
      const dialog = page.getByRole('alertdialog', { name: 'Bạn còn đó không?' });
      await dialog.waitFor();
      const extend = dialog.getByRole('button', { name: 'Tôi vẫn đang làm' });
      await expect.poll(() => extend.evaluate((el) => el === document.activeElement)).toBe(true);
      const secondsShown = async () => Number(/Còn (\d+) giây/.exec((await dialog.textContent()) ?? '')?.[1] ?? NaN);
      const first = await secondsShown();
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(30);
      await page.clock.fastForward('00:10');
      await expect.poll(secondsShown).toBeLessThanOrEqual(first - 9);
      const box = await extend.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      const violations = await axeCheck(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      await screenshot(page, '50-kiosk-idle-warning');

      // One tap: the dialog goes, the resident's page is as it was.
      await extend.click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(page.url()).toBe(residentUrl);
      expect(await page.locator('#field-requesterFullName').inputValue()).toBe(typedName);

      // Idle again: the warning comes back after 30 s, and at 60 s the session is wiped.
      await page.clock.fastForward('00:31');
      await dialog.waitFor();
      await page.clock.fastForward('00:30');
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      expect(page.url()).not.toContain('hoSo');
      expect(await dialog.count()).toBe(0);
      await expectNothingOf(page, [typedName], 'the welcome after the wipe');
      await screenshot(page, '51-kiosk-wiped');

      // Back, again and again: every page of the resident's is refused.
      for (let step = 0; step < 8 && page.url().startsWith(server.url); step++) {
        await page.goBack().catch(() => null);
        await settle(page);
        await expectNothingOf(page, [typedName], `back ×${step + 1}`);
        expect(page.url(), 'no draft address survives').not.toContain(draftId!);
      }
      // Reload (of wherever history left us, and of the app).
      if (!page.url().startsWith(server.url)) await h.open('/kiosk');
      await page.reload();
      await settle(page);
      await expectNothingOf(page, [typedName], 'a reload');
      // The resident's address typed in again: the welcome screen, not the draft.
      await page.goto(residentUrl);
      await settle(page);
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      await expectNothingOf(page, [typedName], 'the old address');

      // The draft itself is still saved, for the resident to resume with the code.
      expect(h.services.drafts.list().drafts.map((d) => d.id)).toContain(draftId);
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('kiosk session: consent', () => {
  it('asks before the first question, with nothing pre-ticked; "Không đồng ý" collects nothing', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      // A question's address without consent leads to the consent page.
      await h.open(`/kiosk/thu-tuc/${code}/cau/birthCase`);
      await expect.poll(() => h1Text(page)).toBe('Đồng ý cho phép xử lý dữ liệu cá nhân');
      for (const heading of ['Thông tin nào được thu thập', 'Để làm gì', 'Thông tin được gửi đi đâu', 'Lưu giữ bao lâu trên máy này', 'Quyền của bạn']) {
        await page.getByRole('heading', { name: heading }).waitFor();
      }
      await page.getByText(definition.agency.name).first().waitFor();
      expect(await page.locator('input:checked').count()).toBe(0);
      const violations = await axeCheck(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      for (const name of ['Tôi đồng ý', 'Không đồng ý', 'Hủy và xóa']) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox();
        expect(box!.height, name).toBeGreaterThanOrEqual(44);
      }
      await screenshot(page, '52-kiosk-consent');

      await page.getByRole('button', { name: 'Không đồng ý' }).click();
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      expect(h.services.drafts.list().drafts).toEqual([]);
      // Back to the procedure: still no consent, still nothing asked.
      await page.goBack();
      await settle(page);
      expect(currentPagePath(page)).toBeNull();
      expect(h.services.drafts.list().drafts).toEqual([]);
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('"Hủy và xóa" on a wizard page asks once, then wipes', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      await h.open(`/kiosk/thu-tuc/${code}`);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await expect.poll(() => currentPagePath(page)).toBe('birthCase');
      await answerExample(page, 'birthCase');
      await pressContinue(page);
      await page.getByRole('button', { name: 'Hủy và xóa' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hủy và xóa mọi thông tin trên màn hình?' });
      await dialog.waitFor();
      const violations = await axeCheck(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      await dialog.getByRole('button', { name: 'Không, quay lại' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(currentPagePath(page)).not.toBeNull();
      await page.getByRole('button', { name: 'Hủy và xóa' }).click();
      await dialog.getByRole('button', { name: 'Có, hủy và xóa' }).click();
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      await page.goBack();
      await settle(page);
      expect(currentPagePath(page)).toBeNull();
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('kiosk session: "Hoàn tất"', () => {
  it('a resumed draft submitted at the kiosk; "Hoàn tất" wipes: the receipt URL is revoked, Back and the old addresses show nothing', async () => {
    const h = await newKiosk();
    try {
      const { page } = h;
      // A complete draft with its papers, made earlier; the resident comes back with the code.
      const saved = (await h.services.router.handle('drafts.save', { procedureCode: code, mode: 'kiosk', answers: example }, { transport: 'e2e' })) as { ok: true; value: { id: string; retrievalCode: string } };
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
      const draftId = saved.value.id;
      const report = (await h.services.router.handle('drafts.validate', { id: draftId }, { transport: 'e2e' })) as { ok: true; value: { missingDocuments: { kind: string }[] } };
      const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
      for (const d of report.value.missingDocuments) {
        const attached = await h.services.router.handle('drafts.attach', { draftId, documentKind: d.kind, fileName: `${d.kind}.pdf`, mediaType: 'application/pdf', content: pdf }, { transport: 'e2e' });
        expect((attached as { ok: boolean }).ok, JSON.stringify(attached)).toBe(true);
      }
      const dob = String(example.requesterDateOfBirth);
      const [y, m, d] = dob.split('-');

      await h.open('/kiosk/tiep-tuc');
      await page.getByLabel('Mã hồ sơ tạm').fill(saved.value.retrievalCode);
      await page.getByLabel('Ngày', { exact: true }).fill(String(Number(d)));
      await page.getByLabel('Tháng', { exact: true }).fill(String(Number(m)));
      await page.getByLabel('Năm', { exact: true }).fill(y!);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      // A resumed draft is a new session: consent again.
      await expect.poll(() => h1Text(page)).toBe('Đồng ý cho phép xử lý dữ liệu cá nhân');
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await expect.poll(() => h1Text(page)).toBe('Kiểm tra thông tin');
      const name = String(example.requesterFullName);
      expect(await readable(page)).toContain(name);
      const reviewUrl = page.url();
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await expect.poll(() => h1Text(page), { timeout: 20_000 }).toBe('Hồ sơ đã được tiếp nhận');
      const confirmationUrl = page.url();
      const reference = (await page.locator('.panel__reference').textContent())!.trim();
      const download = page.getByRole('link', { name: 'Tải phiếu hẹn (PDF)' });
      await download.waitFor({ timeout: 20_000 });
      const receiptUrl = (await download.getAttribute('href'))!;
      expect(receiptUrl).toMatch(/^blob:/);

      // Watch what is revoked (the page's CSP keeps a test from fetching a blob: URL to check).
      await page.evaluate(() => {
        const w = window as unknown as { __revoked: string[] };
        w.__revoked = [];
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.revokeObjectURL = (url: string) => {
          w.__revoked.push(url);
          revoke(url);
        };
      });

      await page.getByRole('button', { name: 'Hoàn tất' }).click();
      await expect.poll(() => h1Text(page)).toContain('Xin chào');
      expect(page.url()).not.toContain('hoSo');
      const revoked = await page.evaluate(() => (window as unknown as { __revoked: string[] }).__revoked);
      expect(revoked, 'the receipt Blob URL is revoked').toContain(receiptUrl);

      for (let step = 0; step < 6 && page.url().startsWith(server.url); step++) {
        await page.goBack().catch(() => null);
        await settle(page);
        await expectNothingOf(page, [name, reference], `back ×${step + 1}`);
      }
      for (const url of [confirmationUrl, reviewUrl]) {
        await page.goto(url);
        await settle(page);
        await expect.poll(() => h1Text(page)).toContain('Xin chào');
        await expectNothingOf(page, [name, reference], url);
      }
      await page.reload();
      await settle(page);
      await expectNothingOf(page, [name, reference], 'a reload');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

/**
 * The procedure wizard end to end, in Chromium over the real services and SQLite: a resident at
 * the kiosk finds "Đăng ký khai sinh" in their own words, answers every question with the
 * definition's own example answers, checks them, submits, and downloads the receipt; autosave
 * keeps a typed answer through a reload; the counter's dense form with its task list.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureDefinitionSchema, type LeafQuestion, type ProcedureDefinition, type Question } from '../../electron/contract/procedure';
import { axeCheck, launchChromium, repoRoot, screenshot, startHarness, startRendererServer, type Harness } from './harness';

const code = '1.001193';
const definition: ProcedureDefinition = procedureDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, 'resources', 'procedures', `${code}.json`), 'utf8')));
const example = definition.example;

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

/** Screenshots 20 onward, each screen under a fixed number (the question pages by their type). */
const shotNumbers: Record<string, number> = {
  'kiosk-choose-procedure': 20,
  'kiosk-procedure-start': 21,
  'kiosk-question-error': 22,
  'kiosk-question-radio': 23,
  'kiosk-question-text': 24,
  'kiosk-question-textarea': 25,
  'kiosk-question-cccd': 26,
  'kiosk-question-date': 27,
  'kiosk-question-address': 28,
  'kiosk-question-select': 29,
  'kiosk-question-more': 30,
  'kiosk-question-number': 31,
  'kiosk-question-phone': 32,
  'kiosk-question-email': 33,
  'kiosk-question-checkbox': 34,
  'kiosk-question-file': 35,
  'kiosk-review': 40,
  'kiosk-confirmation': 41,
  'kiosk-autosaved': 42,
  'kiosk-resume': 43,
  'counter-choose-procedure': 44,
  'counter-step': 45,
  'counter-step-errors': 46,
  'counter-drafts': 47,
};
async function shoot(page: Page, name: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await screenshot(page, `${shotNumbers[name] ?? 49}-${name}`);
}

/** Every visible control is at least 44×44 CSS px (a radio or checkbox with its label). */
async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=hidden]), select, textarea, [role=button]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const target = (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.labels?.[0]) || el;
        const r = target.getBoundingClientRect();
        return { what: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''} ${el.id}`, w: r.width, h: r.height };
      })
      .filter((t) => t.w < 44 || t.h < 44),
  );
  expect(small, `targets under 44 px on ${screen}`).toEqual([]);
}

async function h1Text(page: Page): Promise<string> {
  return (await page.locator('h1').first().textContent()) ?? '';
}

/** `mother[0].fullName` → the question and its example answer. */
function questionAt(pathText: string): { question: LeafQuestion; value: unknown } {
  const match = /^([a-zA-Z0-9]+)(?:\[(\d+)\]\.([a-zA-Z0-9]+))?$/.exec(pathText);
  if (!match) throw new Error(`not an answer path: ${pathText}`);
  const top = definition.steps.flatMap((s) => s.questions).find((q) => q.id === match[1]) as Question | undefined;
  if (!top) throw new Error(`no question ${match[1]}`);
  if (top.type !== 'group') return { question: top, value: example[top.id] };
  const sub = top.questions.find((q) => q.id === match[3]);
  if (!sub) throw new Error(`no question ${pathText}`);
  const items = example[top.id];
  const item = Array.isArray(items) ? (items[Number(match[2])] as Record<string, unknown> | undefined) : undefined;
  return { question: sub, value: item?.[sub.id] };
}

function domId(pathText: string): string {
  return `field-${pathText.replace(/\[(\d+)\]/g, '-$1').replaceAll('.', '-')}`;
}

/** The answer path of the kiosk question page on screen, or null on another screen. */
function currentPagePath(page: Page): string | null {
  const match = /\/cau\/([^?]+)/.exec(decodeURIComponent(new URL(page.url()).hash));
  return match ? match[1]! : null;
}

function draftIdOf(page: Page): string {
  const id = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '').get('hoSo');
  if (!id) throw new Error(`no draft in ${page.url()}`);
  return id;
}

/** How many items of each group the kiosk has asked so far (from the addresses of the pages seen). */
const askedItems = new Map<string, number>();

/** Fills the question page on screen with the example answer (nothing for an optional one without). */
async function answer(page: Page, pathText: string): Promise<LeafQuestion['type'] | 'more'> {
  if (pathText.endsWith('.them')) {
    // "Add another?": yes while the example has more items of this group than were asked.
    const groupId = pathText.slice(0, -'.them'.length);
    const wanted = Array.isArray(example[groupId]) ? (example[groupId] as unknown[]).length : 0;
    const more = wanted > (askedItems.get(groupId) ?? 0);
    await page.locator(more ? `#field-${groupId}-more` : `#field-${groupId}-more-no`).check();
    return 'more';
  }
  const { question, value } = questionAt(pathText);
  const id = domId(pathText);
  switch (question.type) {
    case 'text':
    case 'textarea':
    case 'cccd':
    case 'phone':
    case 'email':
    case 'number':
      if (value !== undefined && value !== null) await page.locator(`#${id}`).fill(String(value));
      break;
    case 'date':
      if (typeof value === 'string') {
        const [y, m, d] = value.split('-');
        await page.locator(`#${id}`).fill(String(Number(d)));
        await page.locator(`#${id}-month`).fill(String(Number(m)));
        await page.locator(`#${id}-year`).fill(y!);
      }
      break;
    case 'radio':
      if (typeof value === 'string') {
        const first = question.options[0]?.value === value;
        await page.locator(first ? `#${id}` : `#${id}-${value}`).check();
      }
      break;
    case 'select':
      if (typeof value === 'string') await page.locator(`#${id}`).selectOption(value);
      break;
    case 'checkbox':
      if (value === true) await page.locator(`#${id}`).check();
      break;
    case 'address':
      if (value && typeof value === 'object') {
        const a = value as { provinceCode: string; communeCode: string; detail?: string };
        await expect.poll(() => page.locator(`#${id} option`).count()).toBeGreaterThan(1);
        await page.locator(`#${id}`).selectOption(a.provinceCode);
        await expect.poll(() => page.locator(`#${id}-commune option[value="${a.communeCode}"]`).count()).toBe(1);
        await page.locator(`#${id}-commune`).selectOption(a.communeCode);
        if (a.detail) await page.locator(`#${id}-detail`).fill(a.detail);
      }
      break;
    case 'file':
      break;
  }
  return question.type;
}


async function pressContinue(page: Page, from: string): Promise<void> {
  const before = page.url();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect.poll(() => page.url(), { message: `leaves ${from}` }).not.toBe(before);
}

describe('kiosk: a resident registers a birth alone', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
    await h.services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H22' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('search → start page → every question → review → submit → confirmation → receipt PDF', async () => {
    const { page } = h;
    await h.open('/kiosk');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('button', { name: 'Chọn thủ tục' }).click();

    // 1. Choose the procedure in the resident's own words, without diacritics.
    const search = page.getByLabel('Bạn cần làm thủ tục gì?');
    await search.waitFor();
    await search.fill('lam giay khai sinh');
    const result = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('link', { name: new RegExp(definition.name) }).first();
    await result.waitFor();
    await expectTouchTargets(page, 'choose');
    await shoot(page, 'kiosk-choose-procedure');
    await result.click();

    // 2. The procedure's start page.
    await expect.poll(() => h1Text(page)).toBe(definition.name);
    await page.getByText(definition.agency.name).first().waitFor();
    await expectTouchTargets(page, 'start page');
    await shoot(page, 'kiosk-procedure-start');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('button', { name: 'Tôi đồng ý' }).click();

    // 3. One question per page. The first one, left empty, shows the GOV.UK error pattern.
    await expect.poll(() => currentPagePath(page)).not.toBeNull();
    await page.getByText(/^Câu 1 trên \d+$/).waitFor();
    const firstPath = currentPagePath(page)!;
    const firstQuestion = questionAt(firstPath).question;
    expect(await h1Text(page)).toContain(firstQuestion.label);
    if (firstQuestion.required && firstQuestion.type !== 'checkbox' && firstQuestion.type !== 'file') {
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Lỗi: /);
      expect(currentPagePath(page)).toBe(firstPath);
      await shoot(page, 'kiosk-question-error');
    }

    const seenTypes = new Set<string>();
    const answered: string[] = [];
    for (let guard = 0; guard < 200; guard++) {
      const pagePath = currentPagePath(page);
      if (pagePath === null) break;
      const group = /^([a-zA-Z0-9]+)\[(\d+)\]\./.exec(pagePath);
      if (group) askedItems.set(group[1]!, Math.max(askedItems.get(group[1]!) ?? 0, Number(group[2]) + 1));
      await page.getByRole('link', { name: 'Quay lại' }).waitFor();
      const type = await answer(page, pagePath);
      if (!seenTypes.has(type)) {
        seenTypes.add(type);
        await expectTouchTargets(page, `question ${pagePath}`);
        await shoot(page, `kiosk-question-${type}`);
      }
      answered.push(pagePath);
      await pressContinue(page, pagePath);
      // After the first acknowledged save, the retrieval code is on every question page.
      if (answered.length === 1) await page.getByText(/Mã hồ sơ tạm:/).waitFor();
    }
    expect(answered.length).toBeGreaterThan(5);

    // 4. Check answers: every answer with a "Sửa" link; the papers still to scan; the fee.
    await expect.poll(() => h1Text(page)).toBe('Kiểm tra thông tin');
    const draftId = draftIdOf(page);
    const questionPages = answered.filter((p) => !p.endsWith('.them'));
    expect(await page.getByRole('link', { name: /^Sửa/ }).count()).toBe(questionPages.length);
    await page.getByText('Lệ phí', { exact: true }).first().waitFor();
    const report = (await h.services.router.handle('drafts.validate', { id: draftId }, { transport: 'e2e' })) as { ok: true; value: { errors: unknown[]; missingDocuments: { kind: string; name: string }[] } };
    expect(report.ok, JSON.stringify(report)).toBe(true);
    expect(report.value.errors, 'the example answers are valid').toEqual([]);
    if (report.value.missingDocuments.length > 0) await page.getByRole('heading', { name: 'Giấy tờ còn thiếu' }).waitFor();
    await expectTouchTargets(page, 'review');
    await shoot(page, 'kiosk-review');

    // The papers are attached on the review page, through the file input each missing one offers.
    const pdf = Buffer.from('%PDF-1.4\n%scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    for (const d of report.value.missingDocuments) {
      await page.getByLabel(new RegExp(d.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).setInputFiles({ name: `${d.kind}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await expect.poll(async () => (await h.services.router.handle('drafts.get', { id: draftId }, { transport: 'e2e' }) as { value: { attachments: { documentKind: string }[] } }).value.attachments.map((a) => a.documentKind)).toContain(d.kind);
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Giấy tờ còn thiếu' }).count()).toBe(0);

    // 5. Submit; the confirmation panel with the reference; the receipt downloads as a PDF.
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await expect.poll(() => h1Text(page), { timeout: 20_000 }).toBe('Hồ sơ đã được tiếp nhận');
    const dossierId = /\/da-nop\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(dossierId).toBeTruthy();
    const dossier = (await h.services.router.handle('dossiers.get', { id: dossierId }, { transport: 'e2e' })) as { ok: true; value: { dossierCode: string | null; localReference: string; draftId: string } };
    expect(dossier.value.draftId).toBe(draftId);
    const reference = dossier.value.dossierCode ?? dossier.value.localReference;
    await page.locator('.panel--confirmation').getByText(reference).waitFor();
    if (!dossier.value.dossierCode) await page.getByText('Mã tham chiếu tạm của bạn').waitFor();
    const download = page.getByRole('link', { name: 'Tải phiếu hẹn (PDF)' });
    await download.waitFor({ timeout: 20_000 });
    await expectTouchTargets(page, 'confirmation');
    await shoot(page, 'kiosk-confirmation');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    // The harness machine has no printer: printing says so and points to the PDF.
    await page.getByRole('button', { name: 'In phiếu hẹn' }).click();
    await page.getByRole('status').getByText(/chưa có máy in/).waitFor();

    // "Hoàn tất": back to the welcome, nothing of this resident left on screen.
    await page.getByRole('button', { name: 'Hoàn tất' }).click();
    await expect.poll(() => h1Text(page)).toContain('Xin chào');
    expect(page.url()).not.toContain('hoSo');
    expect(h.problems).toEqual([]);
  });
});

describe('autosave and coming back', () => {
  it('a typed answer survives a page reload; the retrieval code brings the draft back', async () => {
    const h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
    try {
      const { page } = h;
      await h.open(`/kiosk/thu-tuc/${code}`);
      await page.getByRole('button', { name: 'Bắt đầu' }).click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await expect.poll(() => currentPagePath(page)).not.toBeNull();
      // Answer with the examples until a text question, then type into it and reload.
      let typed: { path: string; value: string } | null = null;
      for (let guard = 0; guard < 50 && !typed; guard++) {
        const pagePath = currentPagePath(page)!;
        const { question } = pagePath.endsWith('.them') ? { question: null } : questionAt(pagePath);
        if (question && question.type === 'text') {
          typed = { path: pagePath, value: 'Nguyễn Văn Thử' };
          await page.locator(`#${domId(pagePath)}`).fill(typed.value);
          break;
        }
        await answer(page, pagePath);
        await pressContinue(page, pagePath);
      }
      expect(typed).not.toBeNull();
      await page.getByText(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/).waitFor();
      const draftId = draftIdOf(page);
      await expect
        .poll(async () => {
          const r = (await h.services.router.handle('drafts.get', { id: draftId }, { transport: 'e2e' })) as { ok: boolean; value?: { answers: Record<string, unknown> } };
          return JSON.stringify(r.value?.answers ?? {});
        })
        .toContain(typed!.value);
      await shoot(page, 'kiosk-autosaved');

      await page.reload();
      const field = page.locator(`#${domId(typed!.path)}`);
      await field.waitFor();
      expect(await field.inputValue()).toBe(typed!.value);
      expect(h.problems).toEqual([]);

      // Coming back later: the code and the date of birth (when this draft has one) find the draft.
      const retrieval = await page.locator('.retrieval-code__code').textContent();
      const birthQuestion = definition.steps.flatMap((s) => s.questions).find((q) => q.cccdField === 'dateOfBirth');
      const draft = (await h.services.router.handle('drafts.get', { id: draftId }, { transport: 'e2e' })) as { ok: true; value: { answers: Record<string, unknown> } };
      const dob = birthQuestion ? draft.value.answers[birthQuestion.id] : undefined;
      await h.open('/kiosk/tiep-tuc');
      await shoot(page, 'kiosk-resume');
      if (retrieval && typeof dob === 'string') {
        const [y, m, d] = dob.split('-');
        await page.getByLabel('Mã hồ sơ tạm').fill(retrieval.toLowerCase());
        await page.getByLabel('Ngày', { exact: true }).fill(String(Number(d)));
        await page.getByLabel('Tháng', { exact: true }).fill(String(Number(m)));
        await page.getByLabel('Năm', { exact: true }).fill(y!);
        await page.getByRole('button', { name: 'Tiếp tục' }).click();
        await expect.poll(() => page.url()).toContain(draftId);
      }
    } finally {
      await h.close();
    }
  });
});

describe('counter: the same definition as a dense form', () => {
  it('search with Enter, a step with its task list, errors on the step, the draft listed as in progress', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const { page } = h;
      await h.open('/counter');
      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ mới' }).click();
      const search = page.getByLabel('Chọn thủ tục');
      await search.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('procedure-search');
      await search.fill('khai sinh');
      await page.getByRole('list', { name: 'Kết quả tìm kiếm' }).waitFor();
      await shoot(page, 'counter-choose-procedure');
      await search.press('Enter');
      const firstStep = definition.steps[0]!;
      await expect.poll(() => h1Text(page)).toBe(firstStep.title);
      await page.getByRole('navigation', { name: 'Các bước' }).waitFor();
      await shoot(page, 'counter-step');

      // Nothing filled in: the step's errors, in a summary and beside each field.
      await page.getByRole('button', { name: /Lưu và (tiếp tục|kiểm tra)/ }).click();
      await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' }).waitFor();
      await expect.poll(() => page.title()).toMatch(/^Lỗi: /);
      await shoot(page, 'counter-step-errors');

      // Enter moves to the next field; typing autosaves; Ctrl+S saves at once.
      const stepWithText = definition.steps.find((s) => s.questions.some((q) => q.type === 'text' && !q.showIf));
      const textQuestion = stepWithText?.questions.find((q) => q.type === 'text' && !q.showIf);
      expect(textQuestion).toBeDefined();
      await page.getByRole('navigation', { name: 'Các bước' }).getByRole('link', { name: stepWithText!.title }).click();
      await expect.poll(() => h1Text(page)).toBe(stepWithText!.title);
      const field = page.locator(`#${domId(textQuestion!.id)}`);
      await field.fill(String(example[textQuestion!.id] ?? 'Nguyễn Văn Thử'));
      await field.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).not.toBe(domId(textQuestion!.id));
      await page.keyboard.press('Control+s');
      await page.getByText(/^Đã lưu lúc/).waitFor();
      await h.open('/counter');
      await page.getByRole('heading', { name: 'Hồ sơ đang làm dở' }).waitFor();
      await page.getByRole('link', { name: new RegExp(definition.name) }).first().waitFor();
      await shoot(page, 'counter-drafts');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

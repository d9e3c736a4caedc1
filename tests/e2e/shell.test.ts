import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, launchChromium, screenshot, startHarness, startRendererServer, type Harness } from './harness';

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

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Every visible button, link and form control is at least 44×44 CSS px (WCAG 2.5.5 / DESIGN §5). */
async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=hidden]), select, textarea, [role=button]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        // A radio or checkbox counts with its label, which is the target a finger hits.
        const target = (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') && el.labels?.[0]) || el;
        const r = target.getBoundingClientRect();
        return { what: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''} ${el.getAttribute('name') ?? ''}`, w: r.width, h: r.height };
      })
      .filter((t) => t.w < 44 || t.h < 44),
  );
  expect(small, `targets under 44 px on ${screen}`).toEqual([]);
}

async function baseFontPx(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main') ?? document.body).fontSize));
}

describe('the app shell in Chromium over the real services', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ browser, baseUrl: server.url });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('home screen: two modes and settings, isolated from Node, accessible', async () => {
    await h.open('/');
    const { page } = h;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Một Cửa Kiosk');
    await page.getByRole('link', { name: /Quầy một cửa/ }).or(page.getByRole('button', { name: /Quầy một cửa/ })).first().waitFor();
    await page.getByText(/Kiosk tự phục vụ/).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    // The page sees the bridge and nothing of Node.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process, Object.keys((window as unknown as { motcua: object }).motcua).sort().join()])).toEqual([
      'undefined',
      'undefined',
      'invoke,on',
    ]);
    expect(await baseFontPx(page)).toBeGreaterThanOrEqual(18);
    await expectTouchTargets(page, 'home');
    await expectAccessible(page, 'home');
    await screenshot(page, '01-home');
  });

  it('counter screen, and back home', async () => {
    const { page } = h;
    await h.open('/');
    await page.getByText('Quầy một cửa', { exact: false }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Quầy một cửa');
    await expectTouchTargets(page, 'counter');
    await expectAccessible(page, 'counter');
    await screenshot(page, '02-counter');

    // Finding a resident's drafts by CCCD number (a keyed-hash look-up in the app).
    const example = h.services.catalogue.get('1.001193').example;
    h.services.drafts.save({ procedureCode: '1.001193', mode: 'counter', answers: { ...example, requesterFullName: 'Phạm Thị Tìm', requesterIdNumber: '001190012345' } });
    h.services.drafts.save({ procedureCode: '1.001193', mode: 'counter', answers: { ...example, requesterFullName: 'Đỗ Văn Khác', requesterIdNumber: '079085000222' } });
    await page.reload();
    const drafts = page.locator('.drafts__list');
    await drafts.getByText(/Đỗ Văn Khác/).waitFor();
    const search = page.getByLabel('Tìm theo số CCCD của người dân');
    await search.fill('0011 9001');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.locator('#drafts-cccd-error').getByText('Số CCCD phải gồm đúng 12 chữ số.').waitFor();
    await search.fill('0011 9001 2345');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect.poll(() => drafts.locator('li').count()).toBe(1);
    expect(await drafts.textContent()).toContain('Phạm Thị Tìm');
    await expectAccessible(page, 'counter, drafts found by CCCD');
    await screenshot(page, '02b-counter-find-by-cccd');
    await page.getByRole('link', { name: 'Quay lại' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Một Cửa Kiosk');
  });

  it('kiosk screens: large type and targets for a resident at a touch screen', async () => {
    const { page } = h;
    await h.open('/');
    await page.getByText('Kiosk tự phục vụ', { exact: false }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Xin chào');
    expect(await baseFontPx(page)).toBeGreaterThanOrEqual(18);
    await expectTouchTargets(page, 'kiosk');
    await expectAccessible(page, 'kiosk welcome');
    await screenshot(page, '03-kiosk-welcome');
    await page.getByRole('button', { name: 'Bắt đầu' }).or(page.getByRole('link', { name: 'Bắt đầu' })).first().click();
    await page.getByRole('link', { name: 'Quay lại' }).waitFor();
    await expectTouchTargets(page, 'kiosk start');
    await expectAccessible(page, 'kiosk start');
    await screenshot(page, '04-kiosk-start');
  });

  it('settings: errors named beside the field and in a summary; valid settings saved to SQLite', async () => {
    const { page } = h;
    await h.open('/');
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByLabel('Tên đơn vị').waitFor();
    await expectAccessible(page, 'settings');
    await screenshot(page, '05-settings');

    await page.getByLabel('Tên đơn vị').fill('UBND xã Tân Phú');
    await page.getByLabel(/Mã cơ quan/).fill('abc');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' });
    await summary.waitFor();
    await expect.poll(() => page.title()).toMatch(/^Lỗi: /);
    const summaryLink = summary.getByRole('link').first();
    expect(await summaryLink.textContent()).toContain('000.00.01.H22');
    expect(await page.getByLabel(/Mã cơ quan/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/Mã cơ quan/).inputValue()).toBe('abc'); // what was typed is kept
    expect(h.services.settings.get().agencyCode).toBe('');
    await expectAccessible(page, 'settings with errors');
    await screenshot(page, '06-settings-error');

    await page.getByLabel(/Mã cơ quan/).fill('000.00.01.H22');
    // Idle times and retention: a wipe before the warning, and a non-number, are named by field.
    await page.getByLabel('Nhắc người dùng sau (giây)').fill('200');
    await page.getByLabel('Xóa phiên sau (giây)').fill('150');
    await page.getByLabel(/Giữ hồ sơ đã tiếp nhận/).fill('ba mươi');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await summary.getByText('Số ngày lưu phải là số nguyên từ 1 đến 3650.').waitFor();
    expect(await page.getByLabel(/Giữ hồ sơ đã tiếp nhận/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/Giữ hồ sơ đã tiếp nhận/).fill('45');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await summary.getByText('Thời gian xóa phiên kiosk phải dài hơn thời gian cảnh báo.').waitFor();
    expect(await page.getByLabel('Xóa phiên sau (giây)').getAttribute('aria-invalid')).toBe('true');
    expect(h.services.settings.get()).toMatchObject({ agencyCode: '', kioskIdleWarningSeconds: 90, retentionDays: 30 });
    await page.getByLabel('Xóa phiên sau (giây)').fill('300');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt.').waitFor();
    expect(h.services.settings.get()).toMatchObject({
      unitName: 'UBND xã Tân Phú',
      agencyCode: '000.00.01.H22',
      kioskIdleWarningSeconds: 200,
      kioskIdleWipeSeconds: 300,
      retentionDays: 45,
    });
    await expectTouchTargets(page, 'settings');
    await screenshot(page, '07-settings-saved');

    // What was saved is what the next start shows.
    await page.reload();
    await page.getByLabel(/Mã cơ quan/).waitFor();
    expect(await page.getByLabel(/Mã cơ quan/).inputValue()).toBe('000.00.01.H22');
    expect(h.problems).toEqual([]);
  });

  it('switches the whole UI to English and back', async () => {
    const { page } = h;
    await h.open('/settings');
    await page.getByLabel('English').check();
    // Choosing the language previews it at once; saving keeps it.
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(h.services.settings.get().language).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(1);
    await expectAccessible(page, 'settings (English)');
    await screenshot(page, '08-settings-english');
    await page.getByLabel('Tiếng Việt').check();
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(h.services.settings.get().language).toBe('vi');
  });

  it('a wrong payload gets a typed error naming the field; an unknown method is refused', async () => {
    const { page } = h;
    await h.open('/');
    const bad = await page.evaluate(() => (window as unknown as { motcua: { invoke(m: string, i: unknown): Promise<unknown> } }).motcua.invoke('settings.update', { agencyCode: 5, colour: 'red' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { errors: [expect.objectContaining({ path: 'agencyCode' }), expect.objectContaining({ path: 'colour' })] } } });
    const unknown = await page.evaluate(() => (window as unknown as { motcua: { invoke(m: string, i: unknown): Promise<unknown> } }).motcua.invoke('settings.delete', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(h.services.settings.get().agencyCode).toBe('000.00.01.H22');
  });
});

describe('kiosk mode', () => {
  it('opens on the kiosk, offers no way home, and leaves only with the official’s code', async () => {
    const h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
    try {
      await h.services.settings.update({ kioskMode: true, kioskExitCode: '135790', unitName: 'UBND phường Ba Đình' });
      await h.open('/');
      const { page } = h;
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Xin chào');
      expect(await page.getByRole('link', { name: 'Quay lại' }).count()).toBe(0);
      expect(await baseFontPx(page)).toBeGreaterThanOrEqual(18);
      await page.getByRole('button', { name: 'Dành cho cán bộ' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(/mã/i).first().fill('000000');
      await dialog.getByRole('button').filter({ hasNotText: /Hủy|Đóng/ }).first().click();
      await dialog.getByText('Mã thoát kiosk không đúng.').waitFor();
      expect(h.services.settings.get().kioskMode).toBe(true);
      await expectAccessible(page, 'kiosk exit dialog');
      await screenshot(page, '09-kiosk-exit-wrong-code');
      await dialog.getByLabel(/mã/i).first().fill('135790');
      await dialog.getByRole('button').filter({ hasNotText: /Hủy|Đóng/ }).first().click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Một Cửa Kiosk');
      expect(h.services.settings.get().kioskMode).toBe(false);
      await screenshot(page, '10-home-after-kiosk');
      expect(h.problems).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

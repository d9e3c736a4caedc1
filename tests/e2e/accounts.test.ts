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

async function signIn(page: Page, username: string, pin: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

describe('officials sign in at the counter', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ browser, baseUrl: server.url });
    await h.services.accounts.create({ username: 'quan.tv', displayName: 'Trần Văn Quản', role: 'supervisor', pin: '48151623' }, { actor: 'test', operator: true });
    await h.services.accounts.create({ username: 'can.lt', displayName: 'Lê Thị Cán', role: 'official', pin: '271828' }, { actor: 'test', operator: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the counter asks to sign in; five wrong PINs lock the account', async () => {
    const { page } = h;
    await h.open('/counter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Đăng nhập cán bộ');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, '60-login');

    // Nothing typed: GOV.UK errors, a summary linking to each field.
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('.error-summary').getByText('Hãy nhập tên đăng nhập.').waitFor();

    for (const left of [4, 3, 2, 1]) {
      await signIn(page, 'can.lt', '000000');
      await page.locator('#signin-pin-error').getByText(`Còn ${left} lần thử`).waitFor();
    }
    await signIn(page, 'can.lt', '000000');
    await page.locator('#signin-pin-error').getByText('Tài khoản đã bị khóa').waitFor();
    expect(await page.title()).toMatch(/^Lỗi/);
    await expectAccessible(page, 'locked');
    await screenshot(page, '61-locked');
    await signIn(page, 'can.lt', '271828');
    // The same message was on screen already: wait for the app to have answered this sixth try.
    const logins = h.services.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'account.login'");
    await expect.poll(() => logins.get()!.n, { timeout: 15_000 }).toBe(6);
    await page.locator('#signin-pin-error').getByText('Tài khoản đã bị khóa').waitFor();
    await expect.poll(() => page.locator('#signin-pin').inputValue()).toBe('');
    expect(h.problems).toEqual([]);
  });

  it('a supervisor unlocks it; the official works at the counter but not in Settings', async () => {
    const { page } = h;
    await h.open('/counter');
    await signIn(page, 'quan.tv', '48151623');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Quầy một cửa');
    await page.locator('.header').getByText('Trần Văn Quản').waitFor();
    const unlocked = await page.evaluate(() => (window as unknown as { motcua: { invoke(m: string, i: unknown): Promise<{ ok: boolean }> } }).motcua.invoke('accounts.unlock', { username: 'can.lt' }));
    expect(unlocked.ok).toBe(true);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await h.open('/counter');
    await signIn(page, 'can.lt', '271828');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Quầy một cửa');
    await h.open('/settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Cần cán bộ quản trị');
    await expectAccessible(page, 'supervisor-required');

    // Kiosk screens never ask anyone to sign in.
    await h.open('/kiosk');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Đăng nhập cán bộ');
    expect(h.problems).toEqual([]);
  });
});

describe('a supervisor manages accounts and leaves the kiosk with their PIN', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ browser, baseUrl: server.url });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('first-run setup: the first account is a supervisor, created on screen; the counter then asks to sign in', async () => {
    const { page } = h;
    await h.open('/settings');
    await page.getByRole('link', { name: 'Quản lý tài khoản cán bộ' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Tài khoản cán bộ');
    expect(await page.getByLabel(/Cán bộ quản trị —/).isChecked()).toBe(true);
    await expectAccessible(page, 'accounts, first run');
    await screenshot(page, '62-accounts-first-run');

    // Named errors: no name, a username with capitals and spaces, a short PIN, PINs that differ.
    await page.getByLabel('Tên đăng nhập').fill('Quan TV');
    await page.getByLabel('Mã PIN', { exact: true }).fill('123');
    await page.getByLabel('Nhập lại mã PIN').fill('124');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Hãy nhập họ và tên của cán bộ.').waitFor();
    expect(await summary.textContent()).toContain('Tên đăng nhập gồm 3–32 ký tự');
    expect(await summary.textContent()).toContain('Mã PIN phải gồm 6 đến 12 chữ số.');
    expect(h.services.accounts.list().length).toBe(0);
    await expectAccessible(page, 'accounts, errors');
    await screenshot(page, '63-accounts-errors');

    await page.getByLabel('Họ và tên').fill('Trần Văn Quản');
    await page.getByLabel('Tên đăng nhập').fill('quan.tv');
    await page.getByLabel('Mã PIN', { exact: true }).fill('48151623');
    await page.getByLabel('Nhập lại mã PIN').fill('48151623');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.getByText('Đã thêm tài khoản Trần Văn Quản (quan.tv).').waitFor();
    expect(h.services.accounts.list()).toMatchObject([{ username: 'quan.tv', role: 'supervisor', locked: false }]);
    await h.open('/counter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Đăng nhập cán bộ');
  });

  it('adds an official, sees the lock after five wrong PINs and unlocks it on screen', async () => {
    const { page } = h;
    await signIn(page, 'quan.tv', '48151623');
    await page.locator('.header').getByText('Trần Văn Quản').waitFor();
    await h.open('/settings/tai-khoan');
    await page.getByRole('table').getByText('quan.tv').waitFor();
    await page.getByLabel('Họ và tên').fill('Lê Thị Cán');
    await page.getByLabel('Tên đăng nhập').fill('can.lt');
    await page.getByLabel(/^Cán bộ — tiếp nhận/).check();
    await page.getByLabel('Mã PIN', { exact: true }).fill('271828');
    await page.getByLabel('Nhập lại mã PIN').fill('271828');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.getByText('Đã thêm tài khoản Lê Thị Cán (can.lt).').waitFor();
    // The same username again is refused by the app, on the field.
    await page.getByLabel('Họ và tên').fill('Lê Thị Cán');
    await page.getByLabel('Tên đăng nhập').fill('can.lt');
    await page.getByLabel('Mã PIN', { exact: true }).fill('271828');
    await page.getByLabel('Nhập lại mã PIN').fill('271828');
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await page.locator('#field-username-error').waitFor();

    for (let i = 0; i < 5; i++) await h.services.accounts.login('can.lt', '000000', 'test').catch(() => undefined);
    // login() signed nobody in (wrong PINs); the supervisor is still the one signed in.
    await h.open('/');
    await h.open('/settings/tai-khoan');
    const row = page.getByRole('row').filter({ hasText: 'can.lt' });
    await row.getByText('Đã khóa').waitFor();
    await expectAccessible(page, 'accounts, one locked');
    await screenshot(page, '64-accounts-locked');
    await row.getByRole('button', { name: 'Mở khóa tài khoản Lê Thị Cán' }).click();
    await page.getByText('Đã mở khóa tài khoản Lê Thị Cán.').waitFor();
    await row.getByText('Đang hoạt động').waitFor();
    expect(h.services.accounts.list().find((a) => a.username === 'can.lt')).toMatchObject({ locked: false, failedAttempts: 0 });
    expect(h.problems).toEqual([]);
  });

  it('leaves kiosk mode with a supervisor’s username and PIN; an official’s PIN is not enough', async () => {
    const { page } = h;
    await h.services.settings.update({ kioskMode: true, kioskExitCode: '135790' });
    await h.open('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Xin chào');
    await page.getByRole('button', { name: 'Dành cho cán bộ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tài khoản cán bộ quản trị').check();
    await dialog.getByLabel('Tên đăng nhập').fill('can.lt');
    await dialog.getByLabel('Mã PIN').fill('271828');
    await dialog.getByRole('button', { name: 'Thoát kiosk' }).click();
    await dialog.locator('#kiosk-exit-pin-error').waitFor();
    expect(h.services.settings.get().kioskMode).toBe(true);
    await expectAccessible(page, 'kiosk exit, supervisor');
    await screenshot(page, '65-kiosk-exit-supervisor');
    await dialog.getByLabel('Tên đăng nhập').fill('quan.tv');
    await dialog.getByLabel('Mã PIN').fill('48151623');
    await dialog.getByRole('button', { name: 'Thoát kiosk' }).click();
    await expect.poll(() => h.services.settings.get().kioskMode, { timeout: 15_000 }).toBe(false);
    expect(h.problems).toEqual([]);
  });
});

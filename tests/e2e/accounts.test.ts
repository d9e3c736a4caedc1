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

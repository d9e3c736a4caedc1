import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../support/portalSim';
import { AGENCY, queueDossiers } from '../support/syncFixtures';
import { axeCheck, launchChromium, screenshot, startHarness, startRendererServer, type Harness } from './harness';

let browser: Browser;
let server: Awaited<ReturnType<typeof startRendererServer>>;
let sim: RunningSim;
let h: Harness;
const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-sim-'));

beforeAll(async () => {
  browser = await launchChromium();
  server = await startRendererServer();
  sim = await startSim({ db: path.join(simDir, 'sim.sqlite') });
  h = await startHarness({ browser, baseUrl: server.url });
  await h.services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: AGENCY });
});

afterAll(async () => {
  await h?.close();
  await sim?.stop();
  await browser?.close();
  await server?.close();
  fs.rmSync(simDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeCheck(page);
  expect(violations, `axe on ${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('sync in the UI', () => {
  it('the receiving system address is set in Settings: https only, plain http only on this machine', async () => {
    const { page } = h;
    await h.open('/settings');
    const field = page.getByLabel(/Địa chỉ hệ thống tiếp nhận/);
    await field.fill('http://lgsp.example.vn/motcua');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('alert').filter({ hasText: 'Có lỗi cần sửa' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(h.services.settings.get().syncGatewayUrl).toBe('');
    await expectAccessible(page, 'settings gateway error');
    await screenshot(page, '79-sync-settings-error');
    await field.fill(sim.url);
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt.').waitFor();
    expect(h.services.settings.get().syncGatewayUrl).toBe(sim.url);
  });

  it('header link status, the sending queue with a refusal and "Gửi lại", status history, kiosk look-up by QR text', async () => {
    const { page, services } = h;
    // The receiver refuses birth registrations for now: the dossier needs an official.
    await sim.admin('/v1/admin/faults', { refuseProcedures: ['1.001193'] });
    const [refused] = queueDossiers(services, 1);
    await h.open('/');
    const bar = page.getByTestId('link-status');
    await expect.poll(() => bar.textContent()).toContain('1 hồ sơ chờ gửi');
    await services.sync.run(true);
    await expect.poll(() => bar.textContent()).toContain('Đã kết nối hệ thống tiếp nhận');
    await expect.poll(() => bar.textContent()).toContain('1 hồ sơ cần cán bộ xem');
    await expectAccessible(page, 'home with link status');
    await screenshot(page, '80-sync-header');

    await h.open('/counter/gui-ho-so');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ chờ gửi đi' }).waitFor();
    const row = page.locator('tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Cần cán bộ xem');
    expect(await row.textContent()).toContain('không nhận thủ tục 1.001193');
    expect(await row.textContent()).toContain('Cần làm:');
    await expectAccessible(page, 'sending queue');
    await screenshot(page, '81-sync-queue-refused');

    // The administrators fixed the mapping: the official presses "Gửi lại".
    await sim.admin('/v1/admin/faults', { refuseProcedures: [] });
    await row.getByRole('button', { name: /Gửi lại hồ sơ/ }).click();
    await page.getByText('Đã đưa 1 hồ sơ vào lượt gửi ngay.').waitFor();
    await services.sync.run(true);
    await page.getByText('Không còn hồ sơ nào chờ gửi.').waitFor();
    const code = services.dossiers.get(refused!).dossierCode!;
    expect(code).toMatch(/^000\.00\.01\.H26-\d{6}-0001$/);
    expect((await sim.dossiers()).map((d) => d.dossierCode)).toEqual([code]);
    await expect.poll(() => bar.textContent()).toContain('Gửi được lần cuối');

    // Statuses set at the receiver come back into the history.
    await sim.admin(`/v1/admin/dossiers/${code}/status`, { status: 4, note: 'Chuyển cán bộ hộ tịch' });
    await services.sync.run(true);
    await h.open(`/counter/ho-so/${refused}`);
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('Đang xử lý');
    expect(await page.locator('.timeline').textContent()).toContain('Chuyển cán bộ hộ tịch');
    await expectAccessible(page, 'status history');
    await screenshot(page, '82-sync-history');

    // At the kiosk: nothing typed → error; the QR reader types the receipt's QR text and Enter.
    await h.open('/kiosk');
    await page.getByRole('button', { name: 'Tra cứu hồ sơ đã nộp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.locator('#lookup-code-error').getByText('Hãy nhập mã hồ sơ').waitFor();
    expect(await page.title()).toMatch(/^Lỗi/);
    await expectAccessible(page, 'kiosk look-up error');
    await page.getByLabel('Mã hồ sơ hoặc mã tham chiếu').fill(`MOTCUA:${code}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('current-state').textContent()).toBe('Đang xử lý');
    // Nothing personal at the kiosk: no resident's name from the answers.
    expect(await page.locator('main').textContent()).not.toContain('Nguyễn Văn An');
    await expectAccessible(page, 'kiosk look-up');
    await screenshot(page, '83-sync-kiosk-lookup');
    expect(h.problems).toEqual([]);
  });
});

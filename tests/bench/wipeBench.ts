/**
 * Time to wipe a kiosk session: from "Có, hủy và xóa" to the welcome screen for the next resident,
 * in the e2e harness (real Chromium, real services). Baseline in the same run: an ordinary
 * navigation between two kiosk screens (what any screen change costs).
 */
import { launchChromium, startHarness, startRendererServer } from '../e2e/harness';

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(1)), max: Number(sorted.at(-1)!.toFixed(1)), runs: values.length };
}

export async function wipeBench(): Promise<Record<string, unknown>> {
  const browser = await launchChromium();
  const server = await startRendererServer();
  const h = await startHarness({ browser, baseUrl: server.url, viewport: { width: 1080, height: 1920 } });
  const { page } = h;
  const wipes: number[] = [];
  const navigations: number[] = [];
  try {
    await h.services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H22' });
    for (let i = 0; i < 5; i++) {
      await h.open('/kiosk/thu-tuc/1.001193');
      const started = performance.now();
      await page.getByRole('button', { name: 'Bắt đầu' }).or(page.getByRole('link', { name: 'Bắt đầu' })).first().click();
      await page.getByRole('button', { name: 'Tôi đồng ý' }).waitFor();
      navigations.push(performance.now() - started);
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await page.locator('main input, main select').first().waitFor();
      await page.getByRole('button', { name: 'Hủy và xóa' }).click();
      const confirm = page.getByRole('button', { name: 'Có, hủy và xóa' });
      await confirm.waitFor();
      const wipeStarted = performance.now();
      await confirm.click();
      await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
      wipes.push(performance.now() - wipeStarted);
    }
    return { unit: 'ms', wipe: stats(wipes), baseline: { what: 'kiosk start page → consent page navigation', ...stats(navigations) } };
  } finally {
    await h.close();
    await browser.close();
    await server.close();
  }
}

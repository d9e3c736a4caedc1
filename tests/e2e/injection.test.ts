import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startHarness, startRendererServer } from './harness';

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

// Under the field's 100-character limit, so it is accepted and queued like any name.
const attack = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'>`;

describe('script typed into a form field', () => {
  it('runs neither in the UI nor in the generated PDF, and is shown as the text it is', async () => {
    const h = await startHarness({ browser, baseUrl: server.url });
    try {
      const ctx = { transport: 'e2e' };
      await h.services.settings.update({ unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
      const example = h.services.catalogue.get('1.001193').example;
      const saved = (await h.services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers: { ...example, childFullName: attack } }, ctx)) as { ok: true; value: { id: string } };
      expect(saved.ok).toBe(true);

      const { page } = h;
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${h.baseUrl}/index.html#/counter/thu-tuc/1.001193/kiem-tra?hoSo=${saved.value.id}`);
      await page.getByText(attack, { exact: false }).first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
      expect(dialogs).toEqual([]);

      // Queue it (the papers attached) and render its application form.
      const report = (await h.services.router.handle('drafts.validate', { id: saved.value.id }, ctx)) as { ok: true; value: { missingDocuments: { kind: string }[] } };
      for (const d of report.value.missingDocuments) {
        await h.services.router.handle('drafts.attach', { draftId: saved.value.id, documentKind: d.kind, fileName: 'scan.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4') }, ctx);
      }
      const submitted = (await h.services.router.handle('dossiers.submit', { draftId: saved.value.id }, ctx)) as { ok: true; value: { dossierId: string } };
      expect(submitted.ok).toBe(true);
      const rendered = (await h.services.router.handle('documents.render', { kind: 'application', dossierId: submitted.value.dossierId }, ctx)) as { ok: true; value: { pdf: Uint8Array } };
      const pdf = Buffer.from(rendered.value.pdf);
      // No active content at all in our PDFs: no JavaScript, no actions, no forms.
      for (const marker of ['/JavaScript', '/JS', '/OpenAction', '/AA', '/AcroForm', '/Launch']) expect(pdf.includes(Buffer.from(marker)), marker).toBe(false);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-inj-')), 'form.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('<img src=x onerror=');
      expect(text).toContain('<script>');
    } finally {
      await h.close();
    }
  });
});

/**
 * Printing through the PdfPrinter port. No printer exists on the build machines, so the port is
 * played by a recorder of the jobs it receives (the Electron side is tests/unit/electronPrinter.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrinterInfo } from '../../electron/contract/dossiers';
import type { Result } from '../../electron/contract/errors';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import type { PdfPrinter } from '../../electron/services/printing/printing';
import { tempDir } from '../support/tempDir';

const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
const ctx = { transport: 'test' };

class RecordingPrinter implements PdfPrinter {
  readonly jobs: { deviceName: string | null; pdf: Uint8Array }[] = [];
  constructor(private readonly list: PrinterInfo[]) {}
  async printers() {
    return this.list;
  }
  async print(pdf: Uint8Array, deviceName: string | null) {
    this.jobs.push({ deviceName, pdf });
  }
}

async function queuedDossier(printer?: PdfPrinter) {
  const services = createServices({ dataDir: tempDir(), resourcesDir: resources, appVersion: 't', logger: createLogger(undefined, 'silent'), ...(printer ? { printer } : {}) });
  const h = (m: string, i: unknown) => services.router.handle(m, i, ctx);
  await h('settings.update', { unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
  const example = services.catalogue.get('1.004194').example;
  const draft = (await h('drafts.save', { procedureCode: '1.004194', mode: 'counter', answers: example })) as Result<{ id: string }>;
  if (!draft.ok) throw new Error(JSON.stringify(draft.error));
  const pdf = new TextEncoder().encode('%PDF-1.4\n%scan\n');
  const report = (await h('drafts.validate', { id: draft.value.id })) as Result<{ missingDocuments: { kind: string }[] }>;
  if (!report.ok) throw new Error(JSON.stringify(report.error));
  for (const d of report.value.missingDocuments) {
    await h('drafts.attach', { draftId: draft.value.id, documentKind: d.kind, fileName: `${d.kind}.pdf`, mediaType: 'application/pdf', content: pdf });
  }
  const submitted = (await h('dossiers.submit', { draftId: draft.value.id })) as Result<{ dossierId: string }>;
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
  return { services, h, dossierId: submitted.value.dossierId };
}

describe('printing a receipt', () => {
  it('without a printer, answers with the PDF to download instead', async () => {
    const { services, h, dossierId } = await queuedDossier();
    const result = (await h('documents.print', { kind: 'receipt', dossierId })) as Result<{ printed: boolean; reason: string; pdf: Uint8Array | null }>;
    expect(result.ok && result.value).toMatchObject({ printed: false, reason: 'no_printer' });
    expect(result.ok && Buffer.from(result.value.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await h('documents.printers', {})).toEqual({ ok: true, value: { printers: [] } });
    services.close();
  });

  it('prints on the system default, or on the printer chosen in Settings; a missing one is said', async () => {
    const printer = new RecordingPrinter([
      { name: 'HP_LaserJet', displayName: 'HP LaserJet (quầy 1)', isDefault: true },
      { name: 'Xprinter_80', displayName: 'Máy in nhiệt', isDefault: false },
    ]);
    const { services, h, dossierId } = await queuedDossier(printer);
    const first = (await h('documents.print', { kind: 'receipt', dossierId })) as Result<{ printed: boolean; printerName: string | null; pdf: unknown }>;
    expect(first.ok && first.value).toMatchObject({ printed: true, printerName: 'HP_LaserJet', pdf: null });
    expect(printer.jobs[0]!.deviceName).toBeNull();
    expect(Buffer.from(printer.jobs[0]!.pdf).subarray(0, 5).toString()).toBe('%PDF-');

    await h('settings.update', { printerName: 'Xprinter_80' });
    await h('documents.print', { kind: 'application', dossierId });
    expect(printer.jobs[1]!.deviceName).toBe('Xprinter_80');

    await h('settings.update', { printerName: 'May_in_da_go' });
    const gone = (await h('documents.print', { kind: 'receipt', dossierId })) as Result<{ printed: boolean; reason: string }>;
    expect(gone.ok && gone.value).toMatchObject({ printed: false, reason: 'printer_not_found' });
    expect(printer.jobs).toHaveLength(2);
    services.close();
  });
});

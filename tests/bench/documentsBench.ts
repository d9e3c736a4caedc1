/**
 * PDF assembly time: ms per receipt and per filled application form (median of 20 renders after
 * 3 warm-ups), against the floor of the same machine and run: an A4 page with one line of text in
 * the same three embedded (subset) fonts, saved. Also the round trip through the document worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { procedureDefinitionSchema, type ProcedureDefinition } from '../../electron/contract/procedure';
import { loadAdminUnits } from '../../electron/services/catalogue/adminUnits';
import { DocumentWorker, documentResources, lookupTextFor, renderApplicationForm, renderReceipt, type ReceiptData } from '../../electron/services/documents/index';
import { embedFonts } from '../../electron/services/documents/fonts';

const RUNS = 20;
const WARMUP = 3;

async function timeIt(fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Number(v.toFixed(1));
  return { median: round(sorted[Math.floor(sorted.length / 2)]!), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: RUNS };
}

export async function documentsBench(): Promise<Record<string, unknown>> {
  const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');
  const resources = documentResources(resourcesDir);
  const units = loadAdminUnits(resourcesDir);
  const unitName = (code: string) => (code.length === 2 ? units.findProvince(code)?.fullName : units.findCommune(code)?.commune.fullName) ?? null;
  const definitionFile = path.join(resourcesDir, 'procedures', '1.001193.json');
  const definition: ProcedureDefinition | null = fs.existsSync(definitionFile) ? procedureDefinitionSchema.parse(JSON.parse(fs.readFileSync(definitionFile, 'utf8'))) : null;

  const receipt: ReceiptData = {
    agencyName: 'UBND xã Tân Phú',
    unitName: 'Bộ phận Một cửa',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    dossierCode: null,
    localReference: 'TAM-260213-0007',
    applicant: { fullName: 'Nguyễn Thị Hương', phone: '0912 345 678', idNumber: '001190012345' },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
      { name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp', originals: 1, copies: 0 },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ em', originals: 0, copies: 1 },
    ],
    feeVnd: 0,
    receivedAt: '2026-02-13T08:35:00.000Z',
    appointmentDate: '2026-02-23',
    workingDays: 1,
    lookupText: lookupTextFor(null, 'TAM-260213-0007'),
    place: 'Tân Phú',
    receivedBy: 'Trần Văn Bình',
  };

  const baseline = await timeIt(async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedFonts(doc, resources.fonts);
    doc.addPage([595.28, 841.89]).drawText('Một Cửa', { x: 85, y: 780, size: 13, font: fonts.regular });
    return doc.save({ useObjectStreams: false });
  });
  const receiptStats = await timeIt(() => renderReceipt(receipt, resources));
  const form = definition ? await timeIt(() => renderApplicationForm(definition, definition.example, { resources, unitName, signedOn: '2026-02-13' })) : null;

  const worker = new DocumentWorker();
  let workerStats;
  try {
    workerStats = await timeIt(() => worker.render({ kind: 'receipt', resourcesDir, data: receipt }));
  } finally {
    await worker.close();
  }
  const receiptBytes = (await renderReceipt(receipt, resources)).byteLength;

  return {
    unit: 'ms',
    receipt: { ...receiptStats, bytes: receiptBytes },
    applicationForm: form ? { procedure: '1.001193', ...form } : { skipped: 'resources/procedures/1.001193.json not found' },
    receiptInWorker: { what: 'round trip to the document worker (warm), buffer transferred', ...workerStats },
    baseline: { what: 'A4 page, one line, same three subset fonts embedded, saved', ...baseline },
    receiptOverBaselineMs: Number((receiptStats.median - baseline.median).toFixed(1)),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import type { DraftAttachment } from '../../electron/contract/drafts';
import type { ScanSession } from '../../electron/contract/scanning';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { jammedSaneConfigDir, saneConfigDir } from '../support/sane';
import { tempDir } from '../support/tempDir';

const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');
let services: AppServices | null = null;
afterEach(() => {
  services?.close();
  services = null;
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result: Result<unknown> = await services!.router.handle(method, input, { transport: 'e2e' });
  if (!result.ok) throw Object.assign(new Error(result.error.code), { value: result.error });
  return result.value as T;
}

describe('scanning into a draft through the contract (SANE test backend, real services)', () => {
  it('scans, survives a jam without losing pages, rearranges, and attaches one encrypted PDF', async () => {
    // The scanner's configuration is read on every scan, so the test can jam the feeder mid-session.
    const saneEnv = { SANE_CONFIG_DIR: saneConfigDir };
    const dataDir = tempDir();
    services = createServices({ dataDir, resourcesDir, appVersion: '0.1.0', logger: createLogger(undefined, 'silent'), scanners: { saneEnv } });
    const events: string[] = [];
    services.events.subscribe((name, payload) => events.push(`${name}:${(payload as { page?: unknown }).page !== undefined ? 'x' : ''}`));
    // Every definition carries a complete, valid example answer set.
    const answers = (JSON.parse(fs.readFileSync(path.join(resourcesDir, 'procedures', '1.001193.json'), 'utf8')) as { example: unknown }).example;
    const draft = await call<{ id: string }>('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers });
    const session = await call<ScanSession>('scanning.open', { draftId: draft.id, documentKind: 'giayChungSinh' });
    expect(session.documentName).toBe('Giấy chứng sinh');

    const first = await call<ScanSession>('scanning.scan', { sessionId: session.sessionId, deviceId: 'sane:test:0', source: 'feeder', resolution: 75, maxPages: 2 });
    expect(first.pages).toHaveLength(2);
    expect(events.filter((e) => e.startsWith('scanning.page'))).toHaveLength(2);
    expect(events.some((e) => e.startsWith('scanning.progress'))).toBe(true);

    saneEnv.SANE_CONFIG_DIR = jammedSaneConfigDir;
    const jam = await call('scanning.scan', { sessionId: session.sessionId, deviceId: 'sane:test:0', source: 'feeder', resolution: 75 }).catch((e: { value: { code: string; message_vi: string } }) => e.value);
    expect(jam).toMatchObject({ code: 'SCANNER_JAMMED', message_vi: 'Giấy bị kẹt trong khay nạp — mở nắp, lấy giấy ra, bấm Quét tiếp.' });
    expect((await call<ScanSession>('scanning.get', { sessionId: session.sessionId })).pages).toHaveLength(2);

    saneEnv.SANE_CONFIG_DIR = saneConfigDir;
    const resumed = await call<ScanSession>('scanning.scan', { sessionId: session.sessionId, deviceId: 'sane:test:0', source: 'flatbed', resolution: 75 });
    expect(resumed.pages).toHaveLength(3);
    const [a, b, c] = resumed.pages.map((p) => p.id);
    // Rescan the middle page in place.
    const rescanned = await call<ScanSession>('scanning.scan', { sessionId: session.sessionId, deviceId: 'sane:test:0', source: 'flatbed', resolution: 75, replacePageId: b });
    const b2 = rescanned.pages[1]!.id;
    expect(b2).not.toBe(b);
    expect(rescanned.pages.map((p) => p.id)).toEqual([a, b2, c]);
    // Reorder (c first), rotate a, delete b2.
    const arranged = await call<ScanSession>('scanning.arrange', { sessionId: session.sessionId, pages: [{ id: c, rotation: 0 }, { id: a, rotation: 90 }] });
    expect(arranged.pages.map((p) => [p.id, p.rotation])).toEqual([[c, 0], [a, 90]]);

    const attached = await call<DraftAttachment>('scanning.save', { sessionId: session.sessionId });
    expect(attached).toMatchObject({ documentKind: 'giayChungSinh', mediaType: 'application/pdf' });
    const stored = fs.readFileSync(path.join(dataDir, 'files', attached.sha256.slice(0, 2), attached.sha256));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false); // encrypted at rest
    const draftNow = await call<{ attachments: DraftAttachment[] }>('drafts.get', { id: draft.id });
    expect(draftNow.attachments.map((x) => x.sha256)).toContain(attached.sha256);
    const validation = await call<{ missingDocuments: { kind: string }[] }>('drafts.validate', { id: draft.id });
    expect(validation.missingDocuments.map((d) => d.kind)).not.toContain('giayChungSinh');

    // The PDF has the two pages left, the rotated one landscape.
    const internal = services.drafts as unknown as { files: { get(sha: string): Uint8Array } };
    const pdf = await PDFDocument.load(internal.files.get(attached.sha256));
    expect(pdf.getPages().map((p) => p.getSize().width > p.getSize().height)).toEqual([false, true]);
    await expect(call('scanning.get', { sessionId: session.sessionId })).rejects.toThrow('NOT_FOUND');
  });
});

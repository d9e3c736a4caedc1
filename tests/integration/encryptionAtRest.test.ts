import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import { createServices } from '../../electron/services/createServices';
import { createFileLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
const ctx = { transport: 'test' };

function everyFile(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('personal data at rest', () => {
  it('leaves no name, ID number, retrieval code or scanned bytes in plaintext in any file of the data directory', async () => {
    const dataDir = tempDir();
    const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't', logger: createFileLogger(path.join(dataDir, 'logs', 'main.log'), 'debug') });
    const h = (m: string, i: unknown) => services.router.handle(m, i, ctx);
    const name = 'Nguyễn Thị Hương';
    const idNumber = '001190012345';
    // A "scanned page": bytes that occur nowhere else.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64 * 1024)]);

    value(await h('settings.update', { unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H26' }));
    const example = services.catalogue.get('1.001193').example;
    const saved = value<{ id: string; retrievalCode: string }>(await h('drafts.save', { procedureCode: '1.001193', mode: 'kiosk', answers: { ...example, requesterFullName: name, requesterIdNumber: idNumber } }));
    const report = value<{ missingDocuments: { kind: string }[]; errors: unknown[] }>(await h('drafts.validate', { id: saved.id }));
    expect(report.errors).toEqual([]);
    for (const d of report.missingDocuments) {
      value(await h('drafts.attach', { draftId: saved.id, documentKind: d.kind, fileName: `${name} - giấy chứng sinh.pdf`, mediaType: 'application/pdf', content: new Uint8Array(scan) }));
    }
    const { dossierId } = value<{ dossierId: string }>(await h('dossiers.submit', { draftId: saved.id }));
    value(await h('documents.render', { kind: 'receipt', dossierId }));
    // Reading back through the app gives the plaintext.
    const dossier = value<{ answers: Record<string, unknown> }>(await h('dossiers.get', { id: dossierId }));
    expect(dossier.answers.requesterFullName).toBe(name);

    const secrets: [string, Buffer][] = [
      ['name (NFC)', Buffer.from(name.normalize('NFC'))],
      ['name (NFD)', Buffer.from(name.normalize('NFD'))],
      ['ID number', Buffer.from(idNumber)],
      ['retrieval code', Buffer.from(saved.retrievalCode)],
      ['scanned bytes', scan.subarray(30_000, 30_064)],
    ];
    const check = (when: string) => {
      const files = everyFile(dataDir);
      expect(files.some((f) => f.endsWith('-wal')), `${when}: the WAL is among the files read`).toBe(when === 'open');
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        for (const [what, secret] of secrets) expect(bytes.includes(secret), `${what} in ${path.relative(dataDir, file)} (${when})`).toBe(false);
      }
    };
    check('open');
    services.close();
    check('closed');
    // The key file is private to the user.
    expect(fs.statSync(path.join(dataDir, 'keys', 'master.key')).mode & 0o077).toBe(0);
  });

  it('opens nothing without its key: a database copied away from its key file is unreadable', async () => {
    const dataDir = tempDir();
    const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't' });
    const example = services.catalogue.get('1.001193').example;
    value(await services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers: example }, ctx));
    services.close();
    fs.rmSync(path.join(dataDir, 'keys'), { recursive: true });
    expect(() => createServices({ dataDir, resourcesDir: resources, appVersion: 't' })).toThrow(expect.objectContaining({ code: 'KEYS_UNAVAILABLE' }));
  });
});

describe('key rotation', () => {
  it('re-encrypts every value and file under a new key, destroys the old one, and keeps everything readable', async () => {
    const dataDir = tempDir();
    const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't' });
    const h = (m: string, i: unknown) => services.router.handle(m, i, ctx);
    const example = services.catalogue.get('1.001193').example;
    const { id, retrievalCode } = value<{ id: string; retrievalCode: string }>(await h('drafts.save', { procedureCode: '1.001193', mode: 'kiosk', answers: example }));
    value(await h('drafts.attach', { draftId: id, documentKind: 'giayChungSinh', fileName: 'gcs.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 scan') }));
    const filesBefore = everyFile(path.join(dataDir, 'files')).map((f) => fs.readFileSync(f));

    const rotated = services.rotateDataKey();
    expect(rotated.values).toBeGreaterThanOrEqual(3);
    expect(rotated.files).toBe(1);
    const keys = services.db.prepare("SELECT id, retired_at, length(sealed) AS n FROM crypto_keys WHERE purpose = 'data' ORDER BY id").all() as { id: number; retired_at: string | null; n: number }[];
    expect(keys.map((k) => [k.retired_at !== null, k.n === 0])).toEqual([[true, true], [false, false]]);
    expect(everyFile(path.join(dataDir, 'files')).map((f) => fs.readFileSync(f)).some((b, i) => b.equals(filesBefore[i]!))).toBe(false);
    services.close();

    // A fresh start reads everything with the new key alone.
    const again = createServices({ dataDir, resourcesDir: resources, appVersion: 't' });
    const draft = value<{ answers: Record<string, unknown>; retrievalCode: string; attachments: { fileName: string }[] }>(await again.router.handle('drafts.get', { id }, ctx));
    expect(draft.answers).toEqual(example);
    expect(draft.retrievalCode).toBe(retrievalCode);
    expect(draft.attachments.map((a) => a.fileName)).toEqual(['gcs.pdf']);
    expect(again.rotateDataKey().keyId).toBeGreaterThan(rotated.keyId);
    again.close();
  });
});

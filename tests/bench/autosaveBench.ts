/**
 * Autosave latency with 10,000 drafts in the database (target p99 ≤ 5 ms), against the floor of
 * the same machine: one bare synchronous=FULL upsert of the same bytes in the same database; and
 * the encryption step alone, so the cost of encryption at rest is visible in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services/createServices';
import { loadCalendar } from '../../electron/services/calendar/workingDays';
import { DataCipher } from '../../electron/services/crypto/dataCipher';
import { DraftsService } from '../../electron/services/drafts/draftsService';
import { FileStore } from '../../electron/services/files/fileStore';
import { fileKeyProtector } from '../../electron/services/crypto/keyProtector';
import { createLogger } from '../../electron/services/logger';

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(3));
  return { p50: at(0.5), p99: at(0.99), max: at(1), samples: samples.length };
}

export async function autosaveBench(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-autosave-'));
  const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
  const services = createServices({ dataDir, resourcesDir: resources, appVersion: 'bench', logger: createLogger(undefined, 'silent') });
  try {
    const code = '1.001193';
    const example = services.catalogue.get(code).example;
    const ctx = { transport: 'bench' };
    const first = await services.router.handle('drafts.save', { procedureCode: code, mode: 'kiosk', answers: example }, ctx);
    const id = (first as { value: { id: string } }).value.id;
    // 10,000 drafts already there, as after months of a busy counter (copies of a real encrypted row).
    const db = services.db;
    const sealed = db.prepare('SELECT answers_json FROM drafts WHERE id = ?').pluck().get(id) as string;
    const insert = db.prepare("INSERT INTO drafts (id, procedure_code, definition_version, mode, answers_json, created_at, updated_at) VALUES (?, ?, '0', 'counter', ?, ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, code, sealed, new Date(2026, 0, 1 + (i % 300)).toISOString(), new Date().toISOString());
    })();

    const saves: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      const result = await services.router.handle('drafts.save', { id, procedureCode: code, mode: 'kiosk', answers: example }, ctx);
      saves.push(performance.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    const bare: number[] = [];
    const upsert = db.prepare('UPDATE drafts SET answers_json = ?, updated_at = ? WHERE id = ?');
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      upsert.run(sealed, new Date().toISOString(), id);
      bare.push(performance.now() - started);
    }
    // The same saves without encryption: a DraftsService over a pass-through cipher, same database.
    const plainCipher = { encryptText: (t: string) => t, decryptText: (t: string) => t, indexHash: (t: string) => t, encryptBytes: (b: Uint8Array) => Buffer.from(b), decryptBytes: (b: Buffer) => b } as unknown as DataCipher;
    const plainDrafts = new DraftsService(db, services.catalogue, new FileStore(path.join(dataDir, 'plain-files'), plainCipher), plainCipher, loadCalendar(resources), () => new Date());
    const plainId = plainDrafts.save({ procedureCode: code, mode: 'counter', answers: example }).id;
    const encrypted: number[] = [];
    const unencrypted: number[] = [];
    for (let i = 0; i < 500; i++) {
      let started = performance.now();
      services.drafts.save({ id, procedureCode: code, mode: 'kiosk', answers: example });
      encrypted.push(performance.now() - started);
      started = performance.now();
      plainDrafts.save({ id: plainId, procedureCode: code, mode: 'counter', answers: example });
      unencrypted.push(performance.now() - started);
    }

    // The encryption step alone (AES-256-GCM of the answers JSON), with the same keys.
    const cipher = new DataCipher(db, fileKeyProtector(path.join(dataDir, 'keys')), () => new Date());
    const json = JSON.stringify(example);
    const encryption: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      cipher.encryptText(json);
      encryption.push(performance.now() - started);
    }
    return {
      unit: 'ms',
      draftsInDatabase: 10_001,
      encrypted: true,
      encryptionStep: { what: 'encrypting the answers of one save (part of each autosave)', bytes: json.length, ...percentiles(encryption) },
      serviceSaveEncrypted: { what: 'DraftsService.save, encrypted (no router)', ...percentiles(encrypted) },
      serviceSaveUnencrypted: { what: 'DraftsService.save over a pass-through cipher, same database (no router)', ...percentiles(unencrypted) },       autosave: percentiles(saves),
      baseline: { what: 'bare synchronous=FULL UPDATE of the same (already encrypted) row', ...percentiles(bare) },
      targetP99: 5,
    };
  } finally {
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The audit log (hash chain, append-only triggers, personal-data guard) and retention (confirmed
 * dossiers after retentionDays, abandoned kiosk drafts after 24 hours), on real SQLite in temp dirs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../electron/contract/audit';
import type { Result } from '../../electron/contract/errors';
import type { PurgeResult } from '../../electron/contract/retention';
import { checkDetails, looksPersonal } from '../../electron/services/audit/auditLog';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
const ctx = { transport: 'test' };
const hour = 60 * 60 * 1000;
const day = 24 * hour;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

/** Services on a clock the test moves. */
function open(dataDir = tempDir(), start = new Date('2026-03-02T02:00:00Z')) {
  const clock = { now: start };
  const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't', logger: createLogger(undefined, 'silent'), now: () => clock.now });
  const h = async <T>(method: string, input: unknown) => value<T>(await services.router.handle(method, input, ctx));
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { services, h, clock, advance, dataDir };
}

type Opened = ReturnType<typeof open>;

function pdf(tag: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.4\n%scan ${tag}\n`);
}

/** A draft of 1.004194 with every missing document attached (content tagged), queued as a dossier. */
async function queuedDossier({ h }: Opened, tag: string): Promise<{ draftId: string; dossierId: string }> {
  await h('settings.update', { unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
  const { id } = await h<{ id: string }>('drafts.save', { procedureCode: '1.004194', mode: 'counter', answers: (await h<{ example: unknown }>('catalogue.get', { code: '1.004194' })).example });
  const report = await h<{ missingDocuments: { kind: string }[] }>('drafts.validate', { id });
  for (const d of report.missingDocuments) {
    await h('drafts.attach', { draftId: id, documentKind: d.kind, fileName: `${d.kind}.pdf`, mediaType: 'application/pdf', content: pdf(tag) });
  }
  const { dossierId } = await h<{ dossierId: string }>('dossiers.submit', { draftId: id });
  return { draftId: id, dossierId };
}

function fileOf(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

function actions(services: AppServices): string[] {
  return services.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
}

describe('audit log', () => {
  it('chains the entries of real calls through the router and verifies, with no personal data in them', async () => {
    const o = open();
    const { dossierId, draftId } = await queuedDossier(o, 'chain');
    await o.h('documents.render', { kind: 'receipt', dossierId });
    await o.h('documents.print', { kind: 'receipt', dossierId });
    expect((await o.services.router.handle('kiosk.exit', { code: '123456' }, ctx)).ok).toBe(false);
    const logged = actions(o.services);
    expect(logged[0]).toBe('settings.update');
    expect(logged).toContain('draft.create');
    expect(logged).toContain('draft.attach');
    expect(logged.slice(-4)).toEqual(['dossier.queue', 'document.render', 'document.print', 'kiosk.exit']);
    const details = (action: string) => JSON.parse(o.services.db.prepare('SELECT details_json FROM audit_log WHERE action = ?').pluck().get(action) as string) as unknown;
    expect(details('settings.update')).toEqual({ fields: ['agencyCode', 'unitName'] });
    expect(details('document.print')).toEqual({ kind: 'receipt', printed: false });
    expect(details('kiosk.exit')).toEqual({ ok: false });
    expect(details('dossier.queue')).toMatchObject({ procedureCode: '1.004194', localReference: expect.stringMatching(/^TAM-\d{6}-\d{4}$/) });

    const rows = o.services.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; actor: string; subject_id: string | null; details_json: string; prev_hash: string; hash: string }[];
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => r.actor === 'test')).toBe(true);
    expect(JSON.parse(rows.find((r) => r.subject_id === draftId)!.details_json)).toEqual({ procedureCode: '1.004194', mode: 'counter' });
    const example = o.services.catalogue.get('1.004194').example;
    const names = Object.values(example).filter((v): v is string => typeof v === 'string' && looksPersonal(v));
    expect(names.length).toBeGreaterThan(0);
    const everything = JSON.stringify(rows);
    for (const name of names) expect(everything).not.toContain(name);

    expect(await o.h<AuditVerification>('audit.verify', {})).toEqual({ ok: true, entries: rows.length, firstBadId: null, problem: null });
    o.services.close();
  });

  it('refuses UPDATE and DELETE through the app connection (append-only triggers)', async () => {
    const o = open();
    await o.h('settings.update', { unitName: 'UBND xã Tân Phú' });
    expect(() => o.services.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => o.services.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(actions(o.services)).toEqual(['settings.update']);
    o.services.close();
  });

  it('writes each change and its entry in one transaction: when the entry cannot be written, the change is not made', async () => {
    const o = open();
    await o.h('settings.update', { unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' });
    const example = (await o.h<{ example: unknown }>('catalogue.get', { code: '1.004194' })).example;
    const { id } = await o.h<{ id: string }>('drafts.save', { procedureCode: '1.004194', mode: 'counter', answers: example });
    const count = (table: string) => o.services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    // The audit log fails from here on (as a full disk or a crash at that point would).
    o.services.db.exec("CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;");
    const drafts = count('drafts');
    const created = await o.services.router.handle('drafts.save', { procedureCode: '1.004194', mode: 'counter', answers: example }, ctx);
    expect(created.ok).toBe(false);
    expect(count('drafts')).toBe(drafts);
    const report = await o.h<{ missingDocuments: { kind: string }[] }>('drafts.validate', { id });
    const attached = await o.services.router.handle('drafts.attach', { draftId: id, documentKind: report.missingDocuments[0]!.kind, fileName: 'a.pdf', mediaType: 'application/pdf', content: pdf('a') }, ctx);
    expect(attached.ok).toBe(false);
    expect(count('draft_attachments')).toBe(0);
    o.services.db.exec('DROP TRIGGER audit_down');
    for (const d of report.missingDocuments) {
      await o.h('drafts.attach', { draftId: id, documentKind: d.kind, fileName: `${d.kind}.pdf`, mediaType: 'application/pdf', content: pdf('b') });
    }
    o.services.db.exec("CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;");
    const queued = await o.services.router.handle('dossiers.submit', { draftId: id }, ctx);
    expect(queued.ok).toBe(false);
    expect([count('dossiers'), count('outbox'), count('dossier_history')]).toEqual([0, 0, 0]);
    expect(o.services.db.prepare("SELECT status FROM drafts WHERE id = ?").pluck().get(id)).toBe('open');
    o.services.db.exec('DROP TRIGGER audit_down');
    await o.h('dossiers.submit', { draftId: id });
    expect(actions(o.services).filter((a) => a === 'dossier.queue')).toHaveLength(1);
    o.services.close();
  });

  it('finds an entry modified by hand (trigger dropped, as an attacker editing the file would) by its id', async () => {
    const o = open();
    const { draftId } = await queuedDossier(o, 'modified');
    const target = o.services.db.prepare("SELECT id FROM audit_log WHERE action = 'draft.create'").pluck().get() as number;
    o.services.db.exec('DROP TRIGGER audit_log_no_update');
    o.services.db.prepare(`UPDATE audit_log SET details_json = '{"mode":"kiosk","procedureCode":"1.004194"}' WHERE id = ?`).run(target);
    const result = await o.h<AuditVerification>('audit.verify', {});
    expect(result).toMatchObject({ ok: false, firstBadId: target, problem: 'modified' });
    expect(draftId).toBeTruthy();
    o.services.close();
  });

  it('finds a deleted entry: the entry after the gap is named', async () => {
    const o = open();
    await queuedDossier(o, 'deleted');
    const total = o.services.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(total).toBeGreaterThan(3);
    o.services.db.exec('DROP TRIGGER audit_log_no_delete');
    o.services.db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(await o.h<AuditVerification>('audit.verify', {})).toEqual({ ok: false, entries: total - 1, firstBadId: 3, problem: 'deleted' });
    // Deleting the first entry is found too: the chain no longer starts from 64 zeros.
    o.services.db.prepare('DELETE FROM audit_log WHERE id = 1').run();
    expect(await o.h<AuditVerification>('audit.verify', {})).toMatchObject({ ok: false, firstBadId: 3, problem: 'deleted' });
    o.services.close();
  });

  it('finds entries put out of order', async () => {
    const o = open();
    for (const unitName of ['UBND xã A', 'UBND xã B', 'UBND xã C']) await o.h('settings.update', { unitName });
    o.services.db.exec('DROP TRIGGER audit_log_no_update');
    // Swap entries 2 and 3, ids and all.
    o.services.db.exec('UPDATE audit_log SET id = -2 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = -2;');
    expect(await o.h<AuditVerification>('audit.verify', {})).toEqual({ ok: false, entries: 3, firstBadId: 2, problem: 'reordered' });
    o.services.close();
  });

  it('refuses details that look like personal data: "Nguyễn Thị Hương" (NFC and NFD), đ, long text', async () => {
    const o = open();
    const append = (details: Record<string, string | number>) => () => o.services.audit.append({ actor: 'test', action: 'draft.create', subjectType: 'draft', subjectId: 'x', details });
    expect(append({ name: 'Nguyễn Thị Hương' })).toThrow(/personal data/);
    expect(append({ name: 'Nguyễn Thị Hương'.normalize('NFD') })).toThrow(/personal data/);
    expect(append({ place: 'Đồng Nai' })).toThrow(/personal data/);
    expect(append({ note: 'x'.repeat(65) })).toThrow(/personal data/);
    expect(() => o.services.audit.append({ actor: 'test', action: 'draft.create', subjectType: 'draft', subjectId: 'Nguyễn Thị Hương' })).toThrow(/personal data/);
    expect(() => checkDetails({ fields: ['unitName', 'Hương'] })).toThrow(/personal data/);
    expect(actions(o.services)).toEqual([]);
    // Ids, codes, counts and states pass.
    o.services.audit.append({ actor: 'test', action: 'draft.create', subjectType: 'draft', subjectId: 'x', details: { procedureCode: '1.004194', bytes: 1234, ok: true, fields: ['unitName'] } });
    expect(actions(o.services)).toEqual(['draft.create']);
    o.services.close();
  });
});

describe('retention', () => {
  it('purges a completed dossier after retentionDays with its draft, history, outbox and files, and keeps a queued one', async () => {
    const o = open();
    await o.h('settings.update', { retentionDays: 30 });
    const done = await queuedDossier(o, 'done');
    const waiting = await queuedDossier(o, 'waiting');
    const doneShas = (o.services.db.prepare('SELECT sha256 FROM draft_attachments WHERE draft_id = ?').pluck().all(done.draftId) as string[]);
    const waitingShas = (o.services.db.prepare('SELECT sha256 FROM draft_attachments WHERE draft_id = ?').pluck().all(waiting.draftId) as string[]);
    expect(doneShas.length).toBeGreaterThan(0);
    for (const sha of doneShas) expect(fs.existsSync(fileOf(o.dataDir, sha))).toBe(true);

    // Sync does not exist yet: the receiving side's "completed" is written by hand, a day later.
    o.advance(day);
    o.services.db.prepare("UPDATE dossiers SET state = 'completed' WHERE id = ?").run(done.dossierId);
    o.services.db.prepare("INSERT INTO dossier_history (dossier_id, at, state, note) VALUES (?, ?, 'completed', NULL)").run(done.dossierId, o.clock.now.toISOString());

    o.advance(29 * day);
    expect(await o.h<PurgeResult>('retention.purge', {})).toEqual({ dossiers: 0, kioskDrafts: 0, files: 0 });
    o.advance(2 * day);
    expect(await o.h<PurgeResult>('retention.purge', {})).toEqual({ dossiers: 1, kioskDrafts: 0, files: doneShas.length });

    const gone = await o.services.router.handle('dossiers.get', { id: done.dossierId }, ctx);
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    const count = (sql: string, id: string) => o.services.db.prepare(sql).pluck().get(id) as number;
    expect(count('SELECT count(*) FROM drafts WHERE id = ?', done.draftId)).toBe(0);
    expect(count('SELECT count(*) FROM draft_attachments WHERE draft_id = ?', done.draftId)).toBe(0);
    expect(count('SELECT count(*) FROM dossier_history WHERE dossier_id = ?', done.dossierId)).toBe(0);
    expect(count('SELECT count(*) FROM outbox WHERE dossier_id = ?', done.dossierId)).toBe(0);
    for (const sha of doneShas) expect(fs.existsSync(fileOf(o.dataDir, sha))).toBe(false);

    expect((await o.h<{ state: string }>('dossiers.get', { id: waiting.dossierId })).state).toBe('queued');
    for (const sha of waitingShas) expect(fs.existsSync(fileOf(o.dataDir, sha))).toBe(true);

    const entry = o.services.db.prepare("SELECT actor, details_json FROM audit_log WHERE action = 'retention.purge'").all() as { actor: string; details_json: string }[];
    expect(entry).toHaveLength(1);
    expect(entry[0]!.actor).toBe('system');
    expect(JSON.parse(entry[0]!.details_json)).toEqual({ dossiers: 1, kioskDrafts: 0, files: doneShas.length, retentionDays: 30 });
    expect((await o.h<AuditVerification>('audit.verify', {})).ok).toBe(true);
    o.services.close();
  });

  it('purges a kiosk draft abandoned for 24 hours (at start-up too), keeps a counter draft and the file it shares', async () => {
    const o = open();
    const save = (mode: string) => o.h<{ id: string }>('drafts.save', { procedureCode: '1.001193', mode, answers: {} });
    const kiosk = await save('kiosk');
    const counter = await save('counter');
    const kind = o.services.catalogue.get('1.001193').documents[0]!.kind;
    const attach = (draftId: string) => o.h<{ sha256: string }>('drafts.attach', { draftId, documentKind: kind, fileName: 'scan.pdf', mediaType: 'application/pdf', content: pdf('shared') });
    const { sha256 } = await attach(kiosk.id);
    await attach(counter.id);
    const later = await save('kiosk');

    o.advance(23 * hour);
    expect(await o.h<PurgeResult>('retention.purge', {})).toEqual({ dossiers: 0, kioskDrafts: 0, files: 0 });
    o.advance(2 * hour);
    expect(await o.h<PurgeResult>('retention.purge', {})).toEqual({ dossiers: 0, kioskDrafts: 2, files: 0 });
    const gone = await o.services.router.handle('drafts.get', { id: kiosk.id }, ctx);
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    expect((await o.h<{ attachments: unknown[] }>('drafts.get', { id: counter.id })).attachments).toHaveLength(1);
    expect(fs.existsSync(fileOf(o.dataDir, sha256))).toBe(true);
    expect(later.id).toBeTruthy();

    // Another kiosk draft, left open while the app is closed: the next start purges it.
    const left = await save('kiosk');
    o.services.close();
    const reopened = open(o.dataDir, new Date(o.clock.now.getTime() + 25 * hour));
    const after = await reopened.services.router.handle('drafts.get', { id: left.id }, ctx);
    expect(!after.ok && after.error.code).toBe('NOT_FOUND');
    expect(actions(reopened.services).filter((a) => a === 'retention.purge')).toHaveLength(2);
    reopened.services.close();
  });
});

describe('motcua audit verify / retention purge', () => {
  it('exits 0 on an intact chain, 1 with error[AUDIT_CHAIN_BROKEN] naming the entry in both languages', async () => {
    const o = open();
    await o.h('settings.update', { unitName: 'UBND xã Tân Phú' });
    await o.h('settings.update', { agencyCode: '000.00.01.H22' });
    await o.h('settings.update', { printerName: 'HP_LaserJet' });
    o.services.close();

    const ok = motcua(['audit', 'verify', '--json', '--data-dir', o.dataDir]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, entries: 3, firstBadId: null, problem: null });

    const purge = motcua(['retention', 'purge', '--json', '--data-dir', o.dataDir]);
    expect(purge.status, purge.stderr).toBe(0);
    expect(JSON.parse(purge.stdout)).toEqual({ dossiers: 0, kioskDrafts: 0, files: 0 });

    const tamper = open(o.dataDir);
    tamper.services.db.exec('DROP TRIGGER audit_log_no_update');
    tamper.services.db.prepare(`UPDATE audit_log SET details_json = '{"fields":["kioskMode"]}' WHERE id = 2`).run();
    tamper.services.close();

    const broken = motcua(['audit', 'verify', '--json', '--lang', 'en', '--data-dir', o.dataDir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^error\[AUDIT_CHAIN_BROKEN\]: .*entry #2 was modified.* \| .*mục #2 đã bị sửa/m);
    const doc = JSON.parse(broken.stdout) as { error: { code: string; details: Record<string, unknown> } };
    expect(doc.error).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', details: { ok: false, firstBadId: 2, problem: 'modified', entries: 3 } });

    // retentionDays is set from the CLI too, within 1–3650.
    const refused = motcua(['settings', 'set', '--retention-days', '0', '--json', '--data-dir', o.dataDir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error\[VALIDATION_FAILED\]/m);
    expect(JSON.stringify(JSON.parse(refused.stdout))).toContain('retentionDays');
  });
});

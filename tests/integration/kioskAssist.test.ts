/**
 * Kiosk helps over real services and real HTTP on loopback: a kiosk's "Gọi cán bộ hỗ trợ" reaching
 * a second service instance (the counter PC) through its listener, acknowledged there; ratings
 * stored with no personal data and counted in the day's figures (Vietnam time); the most used
 * procedures from local dossier counts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/contract/errors';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

const open: AppServices[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function services(now?: () => Date): AppServices {
  const s = createServices({ dataDir: tempDir(), resourcesDir: path.resolve('resources'), appVersion: 't', logger: createLogger(undefined, 'silent'), ...(now ? { now } : {}) });
  open.push(s);
  return s;
}

async function call<T>(s: AppServices, method: string, input: unknown = {}): Promise<T> {
  const result = await s.router.handle(method, input, { transport: 'test' });
  if (!result.ok) throw new ContractError(result.error);
  return result.value as T;
}

/** A port nobody listens on right now (the OS picks it, then it is released). */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('help calls from a kiosk to the counter PC', () => {
  it('a call sent by one instance appears on the other, once, and can be acknowledged', async () => {
    const counter = services();
    const kiosk = services();
    const port = await freePort();
    await call(counter, 'kioskAssist.configure', { listenPort: port, listenHost: '127.0.0.1' });
    await call(kiosk, 'kioskAssist.configure', { counterUrl: `http://127.0.0.1:${port}`, kioskName: 'Kiosk sảnh chính' });

    const before = await call<{ calls: unknown[]; listening: boolean }>(counter, 'kioskAssist.helpCalls');
    expect(before).toEqual({ calls: [], listening: true });

    const sent = await call<{ id: string }>(kiosk, 'kioskAssist.callHelp');
    // Pressing again while the call is open does not ring twice.
    const again = await call<{ id: string }>(kiosk, 'kioskAssist.callHelp');
    expect(again.id).toBe(sent.id);

    const { calls } = await call<{ calls: { id: string; kioskName: string; acknowledgedAt: string | null }[] }>(counter, 'kioskAssist.helpCalls');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: sent.id, kioskName: 'Kiosk sảnh chính', acknowledgedAt: null });

    const acked = await call<{ acknowledgedAt: string | null }>(counter, 'kioskAssist.acknowledge', { id: sent.id });
    expect(acked.acknowledgedAt).not.toBeNull();
    // After the acknowledgement a new call is a new one.
    const next = await call<{ id: string }>(kiosk, 'kioskAssist.callHelp');
    expect(next.id).not.toBe(sent.id);
  });

  it('with no counter reachable the kiosk gets a typed error saying what to do', async () => {
    const kiosk = services();
    await expect(call(kiosk, 'kioskAssist.callHelp')).rejects.toMatchObject({ code: 'HELP_CALL_NOT_CONFIGURED' });
    await call(kiosk, 'kioskAssist.configure', { counterUrl: `http://127.0.0.1:${await freePort()}` });
    const error = await call(kiosk, 'kioskAssist.callHelp').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('HELP_CALL_FAILED');
    expect((error as ContractError).message_vi).toContain('quầy');
  });

  it('the listener refuses what is not a help call', async () => {
    const counter = services();
    const port = await freePort();
    await call(counter, 'kioskAssist.configure', { listenPort: port, listenHost: '127.0.0.1' });
    const post = (body: string) => fetch(`http://127.0.0.1:${port}/v1/help-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ kioskName: '' }))).status).toBe(400);
    expect((await post(JSON.stringify({ kioskName: 'x'.repeat(3000) }))).status).toBe(413);
    expect((await fetch(`http://127.0.0.1:${port}/v1/help-calls`)).status).toBe(405);
    expect((await call<{ calls: unknown[] }>(counter, 'kioskAssist.helpCalls')).calls).toEqual([]);
  });
});

describe('satisfaction ratings', () => {
  it('counts the day in Vietnam time and keeps no link to a dossier or a person', async () => {
    // 23:30 UTC on 1 Dec is 06:30 on 2 Dec in Vietnam.
    let clock = new Date('2026-12-01T16:30:00Z');
    const s = services(() => clock);
    await call(s, 'kioskAssist.rate', { score: 5, comment: '  Rất nhanh  ', procedureCode: '1.001193' });
    await call(s, 'kioskAssist.rate', { score: 3 });
    clock = new Date('2026-12-01T17:30:00Z');
    await call(s, 'kioskAssist.rate', { score: 4 });
    const figures = await call<{ day: string; count: number; average: number; byScore: number[]; comments: number }>(s, 'kioskAssist.todayRatings');
    expect(figures).toEqual({ day: '2026-12-02', count: 1, average: 4, byScore: [0, 0, 0, 1, 0], comments: 0 });
    clock = new Date('2026-12-01T16:59:00Z');
    expect(await call(s, 'kioskAssist.todayRatings')).toEqual({ day: '2026-12-01', count: 2, average: 4, byScore: [0, 0, 1, 0, 1], comments: 1 });

    const columns = s.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('kiosk_ratings')").all().map((c) => c.name);
    expect(columns.sort()).toEqual(['comment', 'created_at', 'day', 'id', 'procedure_code', 'score', 'sent_at']);
    const rows = s.db.prepare<[], { comment: string | null; sent_at: string | null }>('SELECT comment, sent_at FROM kiosk_ratings ORDER BY created_at').all();
    expect(rows.map((r) => r.sent_at)).toEqual([null, null, null]);
    // Encrypted at rest (a resident may type anything); opened, trimmed and NFC for the sync.
    expect(rows[0]!.comment).toMatch(/^enc1:/);
    expect(s.kioskAssist.ratings.unsent(10).find((r) => r.score === 5)).toMatchObject({ score: 5, comment: 'Rất nhanh', procedureCode: '1.001193' });
  });

  it('refuses a score outside 1–5', async () => {
    const s = services();
    await expect(call(s, 'kioskAssist.rate', { score: 6 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(call(s, 'kioskAssist.rate', { score: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('most used procedures', () => {
  it('orders the procedures by local dossier count', async () => {
    const s = services();
    await s.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: '000.00.01.H22' });
    expect(await call(s, 'kioskAssist.topProcedures', { limit: 3 })).toEqual({ procedures: [] });
    const submit = async (code: string) => {
      const answers = s.catalogue.get(code).example;
      const draft = s.drafts.save({ procedureCode: code, answers, mode: 'kiosk' });
      s.dossiers.submit(draft.id);
    };
    const codes = s.catalogue.list().map((p) => p.code);
    await submit(codes[1]!);
    await submit(codes[1]!);
    await submit(codes[0]!);
    const { procedures } = await call<{ procedures: { code: string; count: number }[] }>(s, 'kioskAssist.topProcedures', { limit: 3 });
    expect(procedures.map((p) => [p.code, p.count])).toEqual([
      [codes[1], 2],
      [codes[0], 1],
    ]);
  });
});

describe('CLI: kiosk-help', () => {
  it('sets and shows the configuration, names a bad port, prints the day figures', () => {
    const dataDir = tempDir();
    const set = motcua(['--data-dir', dataDir, '--json', 'kiosk-help', 'set', '--counter-url', 'http://192.168.1.20:47800', '--kiosk-name', 'Kiosk sảnh']);
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ listenPort: null, listenHost: '0.0.0.0', counterUrl: 'http://192.168.1.20:47800', kioskName: 'Kiosk sảnh' });
    const bad = motcua(['--data-dir', dataDir, '--json', 'kiosk-help', 'set', '--listen-port', '80']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('VALIDATION_FAILED');
    expect(bad.stdout).toContain('listenPort');
    const ratings = motcua(['--data-dir', dataDir, '--json', 'kiosk-help', 'ratings']);
    expect(ratings.status, ratings.stderr).toBe(0);
    expect(JSON.parse(ratings.stdout)).toMatchObject({ count: 0, average: null, byScore: [0, 0, 0, 0, 0] });
  });
});

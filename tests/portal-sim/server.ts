import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonical, sha256Hex } from './canonical';
import { nextDossierCode } from './dossierCode';
import { defaultFaults, drawFault, type FaultKind, type Faults } from './faults';
import { SimStore, statusNames, type CommitAnswer, type ManifestAttachment, type UploadRow } from './store';
import { TusEndpoint } from './tus';

export interface PortalSimOptions {
  db: string;
  failRate?: number;
  latencyMs?: number;
  /** Moves every committed dossier one status along every this many ms (0: only on command). */
  advanceEveryMs?: number;
  gatewayKey?: string;
  /** Called as each request arrives (benchmarks: when did the first byte of a dossier reach us). */
  onRequest?: (method: string, pathname: string) => void;
}

export interface PortalSim {
  url: string;
  faults: Faults;
  store: SimStore;
  close(): Promise<void>;
}

const PROTOCOL = '1';
const SCHEDULE: Record<number, number> = { 1: 2, 2: 4, 4: 9, 9: 10 };

interface DossierRow {
  id: string;
  content_sha256: string;
  manifest_json: string;
  procedure_code: string;
  agency_code: string;
  dossier_code: string | null;
  status: number | null;
  received_at: string | null;
  answer_json: string | null;
  attachments_json: string | null;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, readonly vi: string, readonly en: string, readonly details: Record<string, unknown> = {}) {
    super(en);
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      try {
        resolve(parts.length ? JSON.parse(Buffer.concat(parts).toString('utf8')) : {});
      } catch {
        reject(new HttpError(400, 'BAD_JSON', 'Nội dung không phải JSON hợp lệ.', 'The body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/** The reference receiving side of docs/sync-protocol.md, on 127.0.0.1. */
export async function startPortalSim(options: PortalSimOptions, port = 0): Promise<PortalSim> {
  const store = new SimStore(options.db);
  const faults: Faults = { ...defaultFaults(), failRate: options.failRate ?? 0, latencyMs: options.latencyMs ?? 0 };
  const key = options.gatewayKey ?? process.env.MOTCUA_GATEWAY_KEY ?? 'motcua-dev-gateway-key';
  const tus = new TusEndpoint(store);
  const db = store.db;
  let baseUrl = '';

  const getDossier = (id: string) => db.prepare('SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  const uploadsOf = (id: string) => db.prepare('SELECT * FROM uploads WHERE dossier_id = ?').all(id) as UploadRow[];
  const missingOf = (row: DossierRow) => {
    const manifest = JSON.parse(row.manifest_json) as { attachments: ManifestAttachment[] };
    const whole = new Set(uploadsOf(row.id).filter((u) => u.offset === u.length).map((u) => u.sha256));
    return manifest.attachments.map((a) => a.sha256).filter((s) => !whole.has(s));
  };
  const answerOf = (row: DossierRow, replayed: boolean) => ({ ...(JSON.parse(row.answer_json!) as CommitAnswer), replayed });
  const addEvent = (id: string, status: number, note: string | null) =>
    db.prepare('INSERT INTO status_events (dossier_id, status, at, note) VALUES (?, ?, ?, ?)').run(id, status, new Date().toISOString(), note);

  function postManifest(body: unknown): { status: number; body: unknown } {
    const b = body as { id?: unknown; contentSha256?: unknown; manifest?: Record<string, unknown> };
    if (typeof b.id !== 'string' || !/^[0-9a-f-]{36}$/.test(b.id) || typeof b.contentSha256 !== 'string' || typeof b.manifest !== 'object' || b.manifest === null) {
      throw new HttpError(400, 'BAD_REQUEST', 'Thiếu id, contentSha256 hoặc manifest.', 'id, contentSha256 and manifest are required.');
    }
    if (sha256Hex(canonical(b.manifest)) !== b.contentSha256) {
      throw new HttpError(400, 'CONTENT_HASH_MISMATCH', 'Mã băm nội dung không khớp với hồ sơ gửi đến.', 'contentSha256 does not match the manifest.');
    }
    const known = getDossier(b.id);
    if (known) {
      if (known.content_sha256 !== b.contentSha256) {
        throw new HttpError(409, 'CONFLICT', 'Mã hồ sơ này đã nhận với nội dung khác.', 'This id was received with different content.', { id: b.id, knownSha256: known.content_sha256 });
      }
      if (known.answer_json) return { status: 200, body: answerOf(known, true) };
      return { status: 202, body: { id: known.id, state: 'awaiting_attachments', missing: missingOf(known) } };
    }
    const m = b.manifest as { procedureCode?: unknown; agencyCode?: unknown; attachments?: unknown };
    if (typeof m.procedureCode !== 'string' || !/^\d\.\d{6}$/.test(m.procedureCode)) {
      throw new HttpError(422, 'PROCEDURE_CODE_INVALID', 'Mã thủ tục không đúng dạng 1.001193.', 'procedureCode must look like 1.001193.');
    }
    if (typeof m.agencyCode !== 'string' || !/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(m.agencyCode)) {
      throw new HttpError(422, 'AGENCY_CODE_INVALID', 'Mã cơ quan không đúng dạng 000.00.01.H26.', 'agencyCode must look like 000.00.01.H26.');
    }
    if (faults.refuseProcedures.includes(m.procedureCode)) {
      throw new HttpError(422, 'PROCEDURE_NOT_ACCEPTED', `Cơ quan tiếp nhận không nhận thủ tục ${m.procedureCode} qua kênh này.`, `The receiver does not accept procedure ${m.procedureCode} through this channel.`, { procedureCode: m.procedureCode });
    }
    if (!Array.isArray(m.attachments) || !m.attachments.every((a: ManifestAttachment) => /^[0-9a-f]{64}$/.test(a?.sha256) && Number.isSafeInteger(a?.bytes))) {
      throw new HttpError(400, 'BAD_REQUEST', 'Danh sách tệp đính kèm không hợp lệ.', 'attachments must be [{sha256, bytes}].');
    }
    db.prepare('INSERT INTO dossiers (id, content_sha256, manifest_json, procedure_code, agency_code) VALUES (?, ?, ?, ?, ?)').run(b.id, b.contentSha256, JSON.stringify(b.manifest), m.procedureCode, m.agencyCode);
    return { status: 202, body: { id: b.id, state: 'awaiting_attachments', missing: missingOf(getDossier(b.id)!) } };
  }

  function commit(id: string): { status: number; body: unknown } {
    const row = getDossier(id);
    if (!row) throw new HttpError(404, 'NOT_FOUND', 'Chưa nhận bản kê của hồ sơ này.', 'No manifest was received for this id.', { id });
    if (row.answer_json) return { status: 200, body: answerOf(row, true) };
    const manifest = JSON.parse(row.manifest_json) as { attachments: ManifestAttachment[] };
    const uploads = new Map(uploadsOf(id).map((u) => [u.sha256, u]));
    const missing: string[] = [];
    const held: { sha256: string; bytes: number }[] = [];
    for (const a of manifest.attachments) {
      const u = uploads.get(a.sha256);
      if (!u || u.offset !== u.length) {
        missing.push(a.sha256);
        continue;
      }
      const bytes = fs.readFileSync(store.uploadPath(u.id));
      const actual = sha256Hex(bytes);
      if (actual !== a.sha256) {
        // Corrupt: discard so the client sends it again.
        db.prepare('DELETE FROM uploads WHERE id = ?').run(u.id);
        fs.rmSync(store.uploadPath(u.id), { force: true });
        missing.push(a.sha256);
        continue;
      }
      held.push({ sha256: actual, bytes: bytes.length });
    }
    if (missing.length > 0) {
      throw new HttpError(409, 'ATTACHMENTS_INCOMPLETE', 'Còn tệp đính kèm chưa nhận đủ.', 'Some attachments have not arrived whole.', { missing });
    }
    const answer = db.transaction(() => {
      const at = new Date();
      const dossierCode = nextDossierCode(db, row.agency_code, at);
      const a: CommitAnswer = { id, dossierCode, status: 2, statusName: statusNames[2]!, receivedAt: at.toISOString(), attachments: held };
      db.prepare('UPDATE dossiers SET dossier_code = ?, status = 2, received_at = ?, answer_json = ?, attachments_json = ? WHERE id = ?').run(dossierCode, a.receivedAt, JSON.stringify(a), JSON.stringify(held), id);
      addEvent(id, 2, null);
      return a;
    })();
    return { status: 201, body: { ...answer, replayed: false } };
  }

  function setStatus(idOrCode: string, status: number, note: string | null): unknown {
    if (!Number.isInteger(status) || !statusNames[status]) throw new HttpError(400, 'BAD_STATUS', 'Trạng thái phải từ 1 đến 10.', 'status must be 1..10.');
    const row = db.prepare('SELECT * FROM dossiers WHERE (id = ? OR dossier_code = ?) AND answer_json IS NOT NULL').get(idOrCode, idOrCode) as DossierRow | undefined;
    if (!row) throw new HttpError(404, 'NOT_FOUND', 'Không có hồ sơ này.', 'No such committed dossier.');
    db.transaction(() => {
      db.prepare('UPDATE dossiers SET status = ? WHERE id = ?').run(status, row.id);
      addEvent(row.id, status, note);
    })();
    return { id: row.id, dossierCode: row.dossier_code, status };
  }

  function statusFeed(url: URL): unknown {
    const after = Number(url.searchParams.get('after') ?? 0) || 0;
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 1000);
    const rows = db
      .prepare('SELECT e.cursor, e.dossier_id AS id, d.dossier_code AS dossierCode, e.status, e.at, e.note FROM status_events e JOIN dossiers d ON d.id = e.dossier_id WHERE e.cursor > ? ORDER BY e.cursor LIMIT ?')
      .all(after, limit) as { cursor: number; status: number }[];
    return { events: rows.map((r) => ({ ...r, statusName: statusNames[r.status] })), next: rows.length ? rows[rows.length - 1]!.cursor : after };
  }

  function listDossiers(): unknown {
    const rows = db.prepare('SELECT * FROM dossiers WHERE answer_json IS NOT NULL ORDER BY received_at').all() as DossierRow[];
    return {
      dossiers: rows.map((r) => ({ id: r.id, dossierCode: r.dossier_code, procedureCode: r.procedure_code, status: r.status, receivedAt: r.received_at, attachments: JSON.parse(r.attachments_json!) as unknown })),
    };
  }

  function setFaults(body: Record<string, unknown>): Faults {
    for (const k of Object.keys(faults) as (keyof Faults)[]) {
      if (k in body) (faults as unknown as Record<string, unknown>)[k] = body[k];
    }
    return faults;
  }

  /** Ratings are kept once per id: a batch sent again after a lost answer adds nothing. */
  function postRatings(body: unknown): { accepted: number; alreadyPresent: number } {
    const list = (body as { ratings?: unknown }).ratings;
    if (!Array.isArray(list) || list.length > 1000) throw new HttpError(400, 'INVALID_RATINGS', 'Danh sách đánh giá không hợp lệ.', 'The ratings list is not valid.', {});
    const insert = db.prepare('INSERT OR IGNORE INTO ratings (id, score, comment, procedure_code, day, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const at = new Date().toISOString();
    let accepted = 0;
    db.transaction(() => {
      for (const item of list as Record<string, unknown>[]) {
        const ok = typeof item.id === 'string' && Number.isInteger(item.score) && (item.score as number) >= 1 && (item.score as number) <= 5 && typeof item.day === 'string' && typeof item.createdAt === 'string';
        if (!ok) throw new HttpError(400, 'INVALID_RATINGS', 'Một đánh giá thiếu trường hoặc sai điểm (1–5).', 'A rating lacks a field or has a score outside 1–5.', { id: item.id ?? null });
        accepted += insert.run(item.id, item.score, typeof item.comment === 'string' ? item.comment : null, typeof item.procedureCode === 'string' ? item.procedureCode : null, item.day, item.createdAt, at).changes;
      }
    })();
    return { accepted, alreadyPresent: list.length - accepted };
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, fault: FaultKind): Promise<void> {
    const send = (status: number, body: unknown) => {
      if (fault === 'reset-after') {
        // The work is done, the answer is lost: the client must find out by replaying.
        req.socket.destroy();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    const p = url.pathname;
    const m = req.method ?? 'GET';
    if (m === 'GET' && p === '/v1/health') {
      const nonce = url.searchParams.get('nonce') ?? '';
      return send(200, { service: 'motcua-receiver', protocol: 1, nonce, proof: createHmac('sha256', key).update(`motcua-health:${nonce}`).digest('hex'), time: new Date().toISOString() });
    }
    if (m === 'POST' && p === '/v1/dossiers') {
      const r = postManifest(await readJson(req));
      return send(r.status, r.body);
    }
    if (m === 'GET' && p === '/v1/dossiers') return send(200, listDossiers());
    let match = /^\/v1\/dossiers\/([0-9a-f-]{36})\/commit$/.exec(p);
    if (m === 'POST' && match) {
      await readJson(req);
      const r = commit(match[1]!);
      return send(r.status, r.body);
    }
    if (m === 'GET' && p === '/v1/status') return send(200, statusFeed(url));
    if (m === 'POST' && p === '/v1/ratings') return send(200, postRatings(await readJson(req)));
    if (m === 'GET' && p === '/v1/ratings') return send(200, { ratings: db.prepare('SELECT id, score, comment, procedure_code AS procedureCode, day, created_at AS createdAt FROM ratings ORDER BY created_at, id').all() });
    if (p === '/v1/uploads' && m === 'POST') return tus.create(req, res, baseUrl);
    match = /^\/v1\/uploads\/([0-9a-f]+)$/.exec(p);
    if (match && m === 'HEAD') return tus.head(match[1]!, res);
    if (match && m === 'PATCH') {
      let cutAfter: number | null = null;
      const at = faults.cutUploadAtOffset;
      const offset = Number(req.headers['upload-offset']);
      const length = Number(req.headers['content-length'] ?? 0);
      if (at !== null && offset < at && at <= offset + length) {
        cutAfter = at - offset;
        faults.cutUploadAtOffset = null;
      } else if (fault === 'cut') {
        cutAfter = Math.floor(Math.random() * Number(req.headers['content-length'] ?? 0));
      }
      return tus.patch(match[1]!, req, res, cutAfter);
    }
    match = /^\/v1\/admin\/dossiers\/([^/]+)\/status$/.exec(p);
    if (m === 'POST' && match) {
      const body = (await readJson(req)) as { status?: number; note?: string };
      return send(200, setStatus(decodeURIComponent(match[1]!), Number(body.status), body.note ?? null));
    }
    if (m === 'POST' && p === '/v1/admin/faults') return send(200, setFaults((await readJson(req)) as Record<string, unknown>));
    if (m === 'GET' && p === '/v1/admin/uploads') return send(200, { uploads: db.prepare('SELECT dossier_id AS dossierId, sha256, length, offset, bytes_received AS bytesReceived FROM uploads').all() });
    throw new HttpError(404, 'NOT_FOUND', 'Không có địa chỉ này.', 'No such endpoint.', { path: p });
  }

  let closed = false;
  const server = http.createServer((req, res) => {
    if (closed) return void req.socket.destroy();
    res.setHeader('Motcua-Protocol', PROTOCOL);
    res.setHeader('Tus-Resumable', '1.0.0');
    const url = new URL(req.url ?? '/', baseUrl);
    options.onRequest?.(req.method ?? 'GET', url.pathname);
    const exempt = url.pathname === '/v1/health' || url.pathname.startsWith('/v1/admin/') || (req.method === 'GET' && (url.pathname === '/v1/dossiers' || url.pathname === '/v1/ratings'));
    const fault = exempt ? 'none' : drawFault(faults, req.method === 'PATCH');
    const go = async () => {
      const version = req.headers['motcua-protocol'];
      if (!exempt && !url.pathname.startsWith('/v1/uploads') && version !== PROTOCOL) {
        throw new HttpError(400, 'PROTOCOL_UNSUPPORTED', `Phiên bản giao thức "${String(version)}" không được hỗ trợ; cần 1.`, `Protocol version "${String(version)}" is not supported; expected 1.`, { supported: [1] });
      }
      if (fault === 'reset-before') return void req.socket.destroy();
      if (fault === 'error') throw new HttpError(503, 'UNAVAILABLE', 'Hệ thống tiếp nhận tạm thời quá tải.', 'The receiver is temporarily unavailable.');
      await route(req, res, url, fault);
    };
    setTimeout(() => {
      if (closed) return void req.socket.destroy();
      go().catch((error: unknown) => {
        const e = error instanceof HttpError ? error : new HttpError(500, 'INTERNAL', 'Lỗi hệ thống tiếp nhận.', 'Receiver error.');
        if (!(error instanceof HttpError)) console.error(error);
        if (res.headersSent || req.socket.destroyed) return;
        const permanent = e.status >= 400 && e.status < 500 && e.status !== 429 && e.code !== 'ATTACHMENTS_INCOMPLETE';
        res.writeHead(e.status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: { code: e.code, message_vi: e.vi, message_en: e.en, permanent, details: e.details } }));
      });
    }, faults.latencyMs);
  });

  let timer: NodeJS.Timeout | null = null;
  if (options.advanceEveryMs && options.advanceEveryMs > 0) {
    timer = setInterval(() => {
      const rows = db.prepare('SELECT id, status FROM dossiers WHERE answer_json IS NOT NULL AND status IN (1, 2, 4, 9)').all() as { id: string; status: number }[];
      for (const r of rows) setStatus(r.id, SCHEDULE[r.status]!, 'theo lịch mô phỏng / simulated schedule');
    }, options.advanceEveryMs);
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    faults,
    store,
    close: async () => {
      closed = true;
      if (timer) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

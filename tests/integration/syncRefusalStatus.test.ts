import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/services/canonicalJson';
import { GatewayClient } from '../../electron/services/sync/gatewayClient';
import { buildManifest } from '../../electron/services/sync/manifest';
import { createHash } from 'node:crypto';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { testSyncWorker } from '../support/syncWorker';
import { tempDir } from '../support/tempDir';

describe('sync: refusals, replays, conflicts, statuses, captive portals', () => {
  it('a permanent refusal is not retried and shows in the queue with its reason; "retry now" sends it once fixed', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1);
      await sim.admin('/v1/admin/faults', { refuseProcedures: ['1.001193'] });
      const worker = testSyncWorker(services, sim.url);
      expect(await worker.run(false)).toEqual({ sent: 0, alreadyPresent: 0, failed: 1, pending: 0 });
      expect(await worker.run(false)).toEqual({ sent: 0, alreadyPresent: 0, failed: 1, pending: 0 });
      const [item] = worker.queue();
      expect(item).toMatchObject({ dossierId: id, outboxStatus: 'needs_person', attempts: 1, nextAttemptAt: null });
      expect(item!.lastError).toMatchObject({ code: 'PROCEDURE_NOT_ACCEPTED', permanent: true });
      expect(item!.lastError!.message_vi).toContain('không nhận thủ tục 1.001193');
      expect(item!.lastError!.action_vi).toMatch(/Gửi lại/);
      expect(worker.status()).toMatchObject({ queued: 0, needsPerson: 1 });
      expect(await sim.dossiers()).toHaveLength(0);

      await sim.admin('/v1/admin/faults', { refuseProcedures: [] });
      expect(worker.retryNow(id)).toBe(1);
      expect(await worker.run(true)).toEqual({ sent: 1, alreadyPresent: 0, failed: 0, pending: 0 });
      expect(worker.queue()).toEqual([]);
    } finally {
      services.close();
      await sim.stop();
    }
  });

  it('status changes made at the simulator reach the dossier history; the kiosk finds it by code or receipt QR', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1);
      const worker = testSyncWorker(services, sim.url);
      await worker.run(true);
      const code = services.dossiers.get(id!).dossierCode!;
      await sim.admin(`/v1/admin/dossiers/${code}/status`, { status: 4, note: 'Chuyển cán bộ tư pháp' });
      await sim.admin(`/v1/admin/dossiers/${id}/status`, { status: 5, note: 'Thiếu bản sao giấy tờ tùy thân' });
      await sim.admin(`/v1/admin/dossiers/${id}/status`, { status: 9 });
      await worker.run(true);
      const dossier = services.dossiers.get(id!);
      expect(dossier.state).toBe('completed');
      expect(dossier.history.map((h) => h.state)).toEqual(['queued', 'sending', 'submitted', 'received', 'processing', 'supplement_requested', 'completed']);
      expect(dossier.history.find((h) => h.state === 'supplement_requested')!.note).toContain('Thiếu bản sao giấy tờ tùy thân');
      // Pulling again adds nothing: the cursor was stored with the events.
      await worker.run(true);
      expect(services.dossiers.get(id!).history).toHaveLength(7);

      expect(worker.lookup(code)).toMatchObject({ dossierCode: code, state: 'completed' });
      expect(worker.lookup(`MOTCUA:${code}`).history).toHaveLength(7);
      expect(worker.lookup(dossier.localReference).dossierCode).toBe(code);
      expect(() => worker.lookup('000.00.01.H26-990101-9999')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message_vi: expect.stringContaining('Không tìm thấy') }));
    } finally {
      services.close();
      await sim.stop();
    }
  });

  it('the receiver answers a replay with the original answer and a changed payload with a conflict', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1);
      const worker = testSyncWorker(services, sim.url);
      await worker.run(true);
      const original = services.dossiers.get(id!);
      const manifest = buildManifest(original);
      const gateway = new GatewayClient(sim.url, 'motcua-dev-gateway-key');
      const replay = await gateway.request<{ dossierCode: string; replayed: boolean }>('POST', '/v1/dossiers', manifest);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ dossierCode: original.dossierCode, replayed: true });

      const changed = { ...manifest.manifest, localReference: 'TAM-000000-9999' };
      const conflict = await gateway
        .request('POST', '/v1/dossiers', { id, manifest: changed, contentSha256: createHash('sha256').update(canonicalJson(changed)).digest('hex') })
        .catch((e: unknown) => e as { kind: string; failure: { code: string } });
      expect(conflict).toMatchObject({ kind: 'permanent', failure: { code: 'CONFLICT' } });
      expect(await sim.dossiers()).toHaveLength(1);
    } finally {
      services.close();
      await sim.stop();
    }
  });

  it('a captive portal answering every URL is not taken for the receiver: nothing is sent, the link is offline', async () => {
    const portal = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Đăng nhập Wi-Fi miễn phí</body></html>'));
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    const dir = tempDir();
    const services = await counterServices(path.join(dir, 'data'));
    try {
      queueDossiers(services, 1);
      const worker = testSyncWorker(services, url);
      expect(await new GatewayClient(url, 'motcua-dev-gateway-key').probe()).toBe(false);
      expect(await worker.run(true)).toEqual({ sent: 0, alreadyPresent: 0, failed: 0, pending: 1 });
      expect(worker.status()).toMatchObject({ link: 'offline', queued: 1 });
      expect(worker.queue()[0]).toMatchObject({ outboxStatus: 'pending', attempts: 0 });
    } finally {
      services.close();
      portal.close();
    }
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../electron/services/sync/tusUpload';
import { motcua } from '../support/cli';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { testSyncWorker } from '../support/syncWorker';
import { tempDir } from '../support/tempDir';

const root = path.resolve(import.meta.dirname, '..', '..');

async function until(check: () => Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sync recovery', () => {
  it('a CLI sync killed with SIGKILL mid-send, then run again: every dossier exactly once', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    // Latency keeps the first run busy long enough to be killed in the middle of it.
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite'), latencyMs: 120 });
    const services = await counterServices(dataDir);
    const ids = queueDossiers(services, 12, { attachments: 3, bytes: 256 * 1024 });
    services.close();
    try {
      const child = spawn('npm', ['run', '-s', 'motcua', '--', 'sync', '--gateway', sim.url, '--data-dir', dataDir, '--json'], { cwd: root, detached: true, stdio: 'ignore' });
      const exited = new Promise<void>((r) => child.on('exit', () => r()));
      await until(async () => (await sim.dossiers()).length >= 3, 'three dossiers at the receiver');
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      const atKill = (await sim.dossiers()).length;
      expect(atKill).toBeLessThan(12);

      const again = motcua(['sync', '--gateway', sim.url, '--once', '--data-dir', dataDir, '--json']);
      expect(again.status, again.stderr).toBe(0);
      const result = JSON.parse(again.stdout) as { sent: number; alreadyPresent: number; failed: number; pending: number };
      expect(result.pending).toBe(0);
      expect(result.failed).toBe(0);
      expect(result.sent + result.alreadyPresent).toBeGreaterThanOrEqual(12 - atKill);

      const held = await sim.dossiers();
      expect(held.map((d) => d.id).sort()).toEqual([...ids].sort());
      expect(new Set(held.map((d) => d.dossierCode)).size).toBe(12);
      // The local view (CLI `dossiers show`) carries the receiver's code and the history.
      const shown = JSON.parse(motcua(['dossiers', 'show', ids[0]!, '--data-dir', dataDir, '--json']).stdout) as { dossierCode: string; history: { state: string }[] };
      expect(shown.dossierCode).toBe(held.find((d) => d.id === ids[0])!.dossierCode);
      expect(shown.history.map((h) => h.state)).toEqual(expect.arrayContaining(['queued', 'submitted']));
    } finally {
      await sim.stop();
    }
  }, 240_000);

  it('an interrupted 20 MB upload resumes where it stopped: bytes sent again ≤ one chunk', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1, { sizes: [20 * 1024 * 1024, 2000, 2000] });
      // The link drops part-way through the second chunk.
      await sim.admin('/v1/admin/faults', { cutUploadAtOffset: CHUNK_BYTES + 777_777 });
      const worker = testSyncWorker(services, sim.url);
      const result = await worker.run(false);
      expect(result).toMatchObject({ pending: 0, failed: 0 });
      const row = services.db.prepare('SELECT attempts, status FROM outbox WHERE dossier_id = ?').get(id) as { attempts: number; status: string };
      expect(row).toEqual({ attempts: 1, status: 'sent' });

      const { uploads } = await sim.admin<{ uploads: { sha256: string; length: number; offset: number; bytesReceived: number }[] }>('/v1/admin/uploads');
      // One upload for the big file (the URL was kept and resumed, no second upload was created).
      const big = uploads.filter((u) => u.length === 20 * 1024 * 1024);
      expect(big).toHaveLength(1);
      const upload = big[0]!;
      expect(upload.length).toBe(20 * 1024 * 1024);
      expect(upload.offset).toBe(upload.length);
      const resent = upload.bytesReceived - upload.length;
      console.log(`20 MB upload cut at ${CHUNK_BYTES + 777_777} B: ${resent} B sent again (chunk ${CHUNK_BYTES} B)`);
      expect(resent).toBeGreaterThanOrEqual(0);
      expect(resent).toBeLessThanOrEqual(CHUNK_BYTES);
      const [held] = await sim.dossiers();
      expect(held!.attachments.map((a) => a.sha256).sort()).toEqual(services.dossiers.get(id!).attachments.map((a) => a.sha256).sort());
    } finally {
      services.close();
      await sim.stop();
    }
  }, 120_000);

  it('the background worker notices the receiver is down, then sends by itself when it returns', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'sim.sqlite');
    // Learn a free port, then leave it closed: connection refused, as when the link is down.
    const first = await startSim({ db });
    const port = Number(new URL(first.url).port);
    await first.stop();
    const services = await counterServices(path.join(dir, 'data'));
    const [id] = queueDossiers(services, 1);
    const worker = testSyncWorker(services, `http://127.0.0.1:${port}`);
    worker.start();
    try {
      await until(async () => worker.status().link === 'offline', 'the link to be seen as down');
      expect(worker.status()).toMatchObject({ queued: 1, lastSuccessAt: null });
      const sim = await startSim({ db, port });
      try {
        await until(async () => services.dossiers.get(id!).dossierCode !== null, 'the dossier to be delivered');
        expect(worker.status()).toMatchObject({ link: 'online', queued: 0 });
        expect((await sim.dossiers()).map((d) => d.id)).toEqual([id]);
      } finally {
        await sim.stop();
      }
    } finally {
      worker.stop();
      services.close();
    }
  }, 60_000);
});

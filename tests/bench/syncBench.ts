/**
 * Sync figures, against baselines measured in the same run:
 * - drain throughput: N queued dossiers (3 × 1 MB attachments each) sent through the full protocol
 *   (manifest, tus uploads, commit with SHA-256 check, SQLite at both ends) to the simulator on
 *   loopback; baseline: plain sequential POSTs of the same payloads (decrypted the same way) to a
 *   bare HTTP server that writes the bodies to disk.
 * - link restored → first byte: the receiver is down, the background worker has noticed; the
 *   receiver comes back on the same port; time until the first dossier request reaches it.
 *   Requirement: ≤ 5 s. Baseline: a bare request to the restarted receiver (what the network costs).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../electron/services/logger';
import { buildManifest } from '../../electron/services/sync/manifest';
import { SyncService } from '../../electron/services/sync/syncService';
import { startPortalSim } from '../portal-sim/server';
import { counterServices, queueDossiers } from '../support/syncFixtures';

const DOSSIERS = Number(process.env.BENCH_SYNC_DOSSIERS ?? 30);
const MB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

async function plainServer(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    const out = fs.createWriteStream(path.join(dir, `body-${n++}`));
    req.pipe(out);
    out.on('finish', () => res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

function worker(services: Awaited<ReturnType<typeof counterServices>>, url: string): SyncService {
  return new SyncService({ db: services.db, dossiers: services.dossiers, files: services.files, gatewayUrl: () => url, logger: createLogger(undefined, 'silent'), now: () => new Date() });
}

async function drain(root: string) {
  const services = await counterServices(path.join(root, 'drain-data'));
  const sim = await startPortalSim({ db: path.join(root, 'drain-sim.sqlite') });
  const plainDir = fs.mkdtempSync(path.join(root, 'plain-'));
  const plain = await plainServer(plainDir);
  try {
    const ids = queueDossiers(services, DOSSIERS, { attachments: 3, bytes: MB });
    const bytes = DOSSIERS * 3 * MB;

    // Baseline: one POST for the manifest and one per attachment, one after the other.
    let started = performance.now();
    for (const id of ids) {
      const dossier = services.dossiers.get(id);
      await (await fetch(`${plain.url}/dossiers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildManifest(dossier)) })).text();
      for (const a of dossier.attachments) {
        await (await fetch(`${plain.url}/files/${a.sha256}`, { method: 'POST', body: Buffer.from(services.files.get(a.sha256)) })).text();
      }
    }
    const plainMs = performance.now() - started;

    started = performance.now();
    const result = await worker(services, sim.url).run(false);
    const syncMs = performance.now() - started;
    if (result.pending !== 0 || result.sent !== DOSSIERS) throw new Error(`drain incomplete: ${JSON.stringify(result)}`);
    return {
      dossiers: DOSSIERS,
      megabytes: bytes / MB,
      sync: { ms: Math.round(syncMs), dossiersPerSecond: Number(((DOSSIERS * 1000) / syncMs).toFixed(1)), megabytesPerSecond: Number(((bytes / MB) * 1000 / syncMs).toFixed(1)) },
      baseline: { what: 'plain sequential POSTs of the same payloads', ms: Math.round(plainMs), dossiersPerSecond: Number(((DOSSIERS * 1000) / plainMs).toFixed(1)), megabytesPerSecond: Number(((bytes / MB) * 1000 / plainMs).toFixed(1)) },
    };
  } finally {
    services.close();
    await sim.close();
    await plain.close();
  }
}

async function linkRestored(root: string, run: number) {
  const services = await counterServices(path.join(root, `link-data-${run}`));
  const db = path.join(root, `link-sim-${run}.sqlite`);
  // A port that is free now: the receiver is "down" (connection refused) until it listens there again.
  const probe = await startPortalSim({ db });
  const port = Number(new URL(probe.url).port);
  await probe.close();
  queueDossiers(services, 1);
  const sync = worker(services, `http://127.0.0.1:${port}`);
  sync.start();
  try {
    const end = Date.now() + 20_000;
    while (sync.status().link !== 'offline') {
      if (Date.now() > end) throw new Error('worker never noticed the link was down');
      await new Promise((r) => setTimeout(r, 20));
    }
    // Somewhere within the offline probe period, as in the field.
    await new Promise((r) => setTimeout(r, Math.random() * 2000));
    let firstDossierAt = 0;
    let restoredAt = 0;
    const sim = await startPortalSim({ db, onRequest: (method, pathname) => {
      if (!firstDossierAt && method === 'POST' && pathname === '/v1/dossiers') firstDossierAt = performance.now();
    } }, port);
    restoredAt = performance.now();
    const bareStart = performance.now();
    await (await fetch(`${sim.url}/v1/dossiers`)).text();
    const bareMs = performance.now() - bareStart;
    while (!firstDossierAt) {
      if (performance.now() - restoredAt > 30_000) throw new Error('nothing was sent after the link returned');
      await new Promise((r) => setTimeout(r, 5));
    }
    sync.stop();
    await sim.close();
    return { firstByteMs: firstDossierAt - restoredAt, bareMs };
  } finally {
    sync.stop();
    services.close();
  }
}

export async function syncBench(): Promise<Record<string, unknown>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-syncbench-'));
  try {
    const throughput = await drain(root);
    const restored: { firstByteMs: number; bareMs: number }[] = [];
    for (let i = 0; i < 3; i++) restored.push(await linkRestored(root, i));
    return {
      unit: 'ms',
      drain: throughput,
      linkRestoredToFirstByte: {
        median: median(restored.map((r) => r.firstByteMs)),
        max: Math.round(Math.max(...restored.map((r) => r.firstByteMs))),
        runs: restored.length,
        requirementMs: 5000,
        baseline: { what: 'a bare request to the restarted receiver', median: median(restored.map((r) => r.bareMs)) },
      },
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatewayClient } from '../../electron/services/sync/gatewayClient';
import { buildManifest } from '../../electron/services/sync/manifest';
import { motcua } from '../support/cli';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { testSyncWorker } from '../support/syncWorker';
import { tempDir } from '../support/tempDir';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('portal simulator (CLI.md contract)', () => {
  it('keeps what it received across a restart: same list, same answer to a replay', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'sim.sqlite');
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1, { bytes: 10_000 });
      let sim = await startSim({ db });
      await testSyncWorker(services, sim.url).run(true);
      const before = await sim.dossiers();
      await sim.stop();

      sim = await startSim({ db });
      try {
        const after = await sim.dossiers();
        expect(after).toEqual(before);
        expect(Object.keys(after[0]!).sort()).toEqual(['attachments', 'dossierCode', 'id', 'procedureCode', 'receivedAt', 'status']);
        expect(Object.keys(after[0]!.attachments[0]!).sort()).toEqual(['bytes', 'sha256']);
        expect(after[0]).toMatchObject({ id, procedureCode: '1.001193', status: 2 });
        const replay = await new GatewayClient(sim.url, 'motcua-dev-gateway-key').request<{ dossierCode: string; replayed: boolean }>('POST', '/v1/dossiers', buildManifest(services.dossiers.get(id!)));
        expect(replay).toMatchObject({ status: 200, body: { dossierCode: before[0]!.dossierCode, replayed: true } });
        // A request without the protocol header is refused permanently, naming the version.
        const bare = await fetch(`${sim.url}/v1/status`);
        expect(bare.status).toBe(400);
        expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('PROTOCOL_UNSUPPORTED');
        // A health answer signed with another key is not the receiver.
        expect(await new GatewayClient(sim.url, 'another-key').probe()).toBe(false);
        expect(await new GatewayClient(sim.url, 'motcua-dev-gateway-key').probe()).toBe(true);
      } finally {
        await sim.stop();
      }
    } finally {
      services.close();
    }
  });

  it('moves dossiers through statuses on a schedule; the app pulls them into the history', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite'), extra: ['--advance-every-ms', '150'] });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const [id] = queueDossiers(services, 1, { bytes: 1000 });
      const worker = testSyncWorker(services, sim.url);
      await worker.run(true);
      const end = Date.now() + 30_000;
      while ((await sim.dossiers())[0]?.status !== 10) {
        if (Date.now() > end) throw new Error('the schedule never reached 10');
        await new Promise((r) => setTimeout(r, 50));
      }
      await worker.run(true);
      const dossier = services.dossiers.get(id!);
      expect(dossier.state).toBe('returned');
      expect(dossier.history.map((h) => h.state).slice(-4)).toEqual(['received', 'processing', 'completed', 'returned']);
    } finally {
      services.close();
      await sim.stop();
    }
  });

  it('CLI sync --once with the receiver unreachable: nothing lost, pending counted, exit 1', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const services = await counterServices(dataDir);
    queueDossiers(services, 2, { bytes: 1000 });
    services.close();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const down = sim.url;
    await sim.stop();
    const run = motcua(['sync', '--gateway', down, '--once', '--data-dir', dataDir, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ sent: 0, alreadyPresent: 0, failed: 0, pending: 2 });
    const usage = motcua(['sync', '--gateway', 'http://lgsp.example.vn', '--once', '--data-dir', dataDir, '--json']);
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.stdout).error.details).toEqual({ option: '--gateway' });
  });

  it('refuses bad options with exit 2', () => {
    const run = spawnSync('npm', ['run', '-s', 'portal-sim', '--', '--port', '0', '--db', path.join(tempDir(), 's.sqlite'), '--fail-rate', '2'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fail-rate');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { testSyncWorker } from '../support/syncWorker';
import { tempDir } from '../support/tempDir';

const ctx = { transport: 'test' };

interface SimRating {
  id: string;
  score: number;
  comment: string | null;
  procedureCode: string | null;
  day: string;
}

describe('sync: satisfaction ratings travel with the dossiers', () => {
  it('sends each kiosk rating once, with nothing that points to a dossier or a person; a lost link keeps them for later', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    let simRunning = true;
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const rate = async (input: Record<string, unknown>) => {
        const r = (await services.router.handle('kioskAssist.rate', input, ctx)) as Result<unknown>;
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      };
      await rate({ score: 5, comment: 'Cán bộ hướng dẫn tận tình', procedureCode: '1.001193' });
      await rate({ score: 2 });
      queueDossiers(services, 1);
      // The comment is free text a resident typed: encrypted at rest, and still readable after a key rotation.
      const stored = services.db.prepare('SELECT comment FROM kiosk_ratings WHERE comment IS NOT NULL').pluck().all() as string[];
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatch(/^enc1:/);
      expect(stored[0]).not.toContain('tận tình');
      services.rotateDataKey();

      const worker = testSyncWorker(services, sim.url);
      expect(await worker.run(true)).toMatchObject({ sent: 1, pending: 0 });
      const received = (await sim.admin<{ ratings: SimRating[] }>('/v1/ratings')).ratings;
      expect(received.map((r) => r.score).sort()).toEqual([2, 5]);
      expect(received.find((r) => r.score === 5)).toMatchObject({ comment: 'Cán bộ hướng dẫn tận tình', procedureCode: '1.001193' });
      for (const r of received) expect(Object.keys(r).sort()).toEqual(['comment', 'createdAt', 'day', 'id', 'procedureCode', 'score']);
      const unsent = () => services.db.prepare('SELECT count(*) FROM kiosk_ratings WHERE sent_at IS NULL').pluck().get() as number;
      expect(unsent()).toBe(0);

      // Nothing is sent twice: another pass, and a replay of the same batch, add nothing.
      await worker.run(true);
      expect((await sim.admin<{ ratings: SimRating[] }>('/v1/ratings')).ratings).toHaveLength(2);

      // With the receiver gone, a new rating waits (unsent) and goes when it is back.
      await rate({ score: 4 });
      await sim.stop();
      simRunning = false;
      await worker.run(true);
      expect(unsent()).toBe(1);
      const again = await startSim({ db: path.join(dir, 'sim.sqlite') });
      try {
        const later = testSyncWorker(services, again.url);
        await later.run(true);
        expect(unsent()).toBe(0);
        expect((await again.admin<{ ratings: SimRating[] }>('/v1/ratings')).ratings.map((r) => r.score).sort()).toEqual([2, 4, 5]);
      } finally {
        await again.stop();
      }
    } finally {
      services.close();
      if (simRunning) await sim.stop();
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { tempDir } from '../support/tempDir';

describe('sync smoke', () => {
  it('sends a few dossiers', async () => {
    const dir = tempDir();
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    const services = await counterServices(path.join(dir, 'data'));
    try {
      const ids = queueDossiers(services, 3, { bytes: 100_000 });
      services.sync.useGateway(sim.url);
      const result = await services.sync.run(false);
      expect(result).toEqual({ sent: 3, alreadyPresent: 0, failed: 0, pending: 0 });
      const held = await sim.dossiers();
      expect(held.map((d) => d.id).sort()).toEqual([...ids].sort());
    } finally {
      services.close();
      await sim.stop();
    }
  });
});

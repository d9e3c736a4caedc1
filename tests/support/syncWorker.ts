import type { AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { SyncService } from '../../electron/services/sync/syncService';

/**
 * A sync worker over the real services with a short backoff base (the cap stays 5 minutes unless a
 * test lowers it), so tests that inject many faults do not sit through minutes of deliberate waiting.
 */
export function testSyncWorker(services: AppServices, gatewayUrl: string, opts: { concurrency?: number; offlineProbeMs?: number; backoffCapMs?: number } = {}): SyncService {
  return new SyncService({
    db: services.db,
    dossiers: services.dossiers,
    files: services.files,
    ratings: services.kioskAssist.ratings,
    gatewayUrl: () => gatewayUrl,
    logger: createLogger(undefined, 'silent'),
    now: () => new Date(),
    backoff: { baseMs: 100, capMs: opts.backoffCapMs ?? 5 * 60_000 },
    concurrency: opts.concurrency ?? 4,
    offlineProbeMs: opts.offlineProbeMs ?? 200,
  });
}

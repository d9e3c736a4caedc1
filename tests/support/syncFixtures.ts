import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';

const root = path.resolve(import.meta.dirname, '..', '..');
export const AGENCY = '000.00.01.H26';

/** The app's real services on a data directory, with a counter set up (unit and agency). */
export async function counterServices(dataDir: string, extra: { startSync?: boolean } = {}): Promise<AppServices> {
  const services = createServices({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: '0.1.0', logger: createLogger(undefined, 'silent'), ...extra });
  await services.settings.update({ unitName: 'UBND phường Ba Đình', agencyCode: AGENCY });
  return services;
}

const KINDS = ['toKhaiKhaiSinh', 'giayChungSinh', 'giayToTuyThan'] as const;

/**
 * Queues `count` birth registrations through the services (as the wizard does), each with
 * `attachments` files of `bytes` bytes. One random block is reused with a per-file header, so every
 * attachment has its own content and SHA-256 without drawing hundreds of MB of randomness.
 */
export function queueDossiers(services: AppServices, count: number, opts: { attachments?: number; bytes?: number; sizes?: number[]; procedureCode?: string } = {}): string[] {
  const code = opts.procedureCode ?? '1.001193';
  const sizes = opts.sizes ?? Array.from({ length: opts.attachments ?? 3 }, () => opts.bytes ?? 4096);
  const block = randomBytes(Math.max(...sizes));
  const example = services.catalogue.get(code).example;
  const ids: string[] = [];
  const run = randomBytes(8).toString('hex');
  for (let i = 0; i < count; i++) {
    const draft = services.drafts.save({ procedureCode: code, mode: 'counter', answers: example });
    for (let j = 0; j < sizes.length; j++) {
      const content = Buffer.from(block.subarray(0, sizes[j]));
      content.write(`%PDF-1.4\n%${run}-${i}-${j}\n`, 0, 'latin1');
      services.drafts.attach({ draftId: draft.id, documentKind: KINDS[j % KINDS.length]!, fileName: `giay-${i}-${j}.pdf`, mediaType: 'application/pdf', content });
    }
    ids.push(services.dossiers.submit(draft.id).dossierId);
  }
  return ids;
}

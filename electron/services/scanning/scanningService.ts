import type { EventHub } from '../../contract/events';
import type { AppContract, AppEvents } from '../../contract/index';
import type { CallContext, Handlers } from '../../contract/router';
import type { AuditDetails } from '../audit/auditLog';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { DraftsService } from '../drafts/draftsService';
import type { Scanner } from '../../../native/scanner/index';
import type { ScannerSetup } from './scannerSetup';
import { scanningHandlers } from './scanningHandlers';
import { ScanSessions } from './scanSessions';
import { WorkerPipeline } from './workerPipeline';

export type { ScannerSetup };

/** Builds the scanning feature for the composition root: drivers, sessions, `scanning.*` handlers. */
export function createScanningService(deps: {
  /** The drivers (createScanners): shared with the doctor's report. */
  scanner: Scanner;
  drafts: DraftsService;
  catalogue: CatalogueService;
  events: EventHub<AppEvents>;
  record: (ctx: CallContext, action: string, subjectType: string | null, subjectId: string | null, details: AuditDetails) => void;
}): Handlers<AppContract>['scanning'] {
  const sessions = new ScanSessions(deps.scanner, deps.drafts, deps.catalogue, {
    page: (payload) => deps.events.emit('scanning.page', payload),
    progress: (payload) => deps.events.emit('scanning.progress', payload),
  }, new WorkerPipeline());
  return scanningHandlers(sessions, deps.record);
}

import type { AppContract } from '../../contract/index';
import type { CallContext, Handlers } from '../../contract/router';
import type { AuditDetails } from '../audit/auditLog';
import type { ScanSessions } from './scanSessions';

type Record = (ctx: CallContext, action: string, subjectType: string | null, subjectId: string | null, details: AuditDetails) => void;

/** The `scanning.*` methods: thin, the work is in ScanSessions. */
export function scanningHandlers(sessions: ScanSessions, record: Record): Handlers<AppContract>['scanning'] {
  return {
    scanners: () => sessions.scanners(),
    open: ({ draftId, documentKind }) => sessions.open(draftId, documentKind),
    get: ({ sessionId }) => sessions.get(sessionId),
    scan: (input) => sessions.scan(input),
    cancel: ({ sessionId }) => sessions.cancel(sessionId),
    arrange: ({ sessionId, pages }) => sessions.arrange(sessionId, pages),
    save: async ({ sessionId }, ctx) => {
      const draftId = sessions.get(sessionId).draftId;
      const attached = await sessions.save(sessionId);
      record(ctx, 'draft.attach', 'draft', draftId, { documentKind: attached.documentKind, bytes: attached.bytes, scanned: true });
      return attached;
    },
    discard: ({ sessionId }) => sessions.discard(sessionId),
  };
}

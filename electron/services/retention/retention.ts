import type { Database } from 'better-sqlite3';
import type { DossierState } from '../../contract/dossiers';
import type { PurgeResult } from '../../contract/retention';
import type { AuditLog } from '../audit/auditLog';

/** States in which the receiving side has confirmed the outcome: nothing more will happen to the dossier here. */
export const confirmedStates: readonly DossierState[] = ['completed', 'rejected', 'returned'];
/** A kiosk draft nobody touched for this long was abandoned by a resident who walked away. */
export const kioskDraftMaxAgeMs = 24 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  db: Database;
  files: { remove(sha256: string): boolean };
  retentionDays: () => number;
  audit: AuditLog;
  now: () => Date;
}

/**
 * Retention (PDPL 91/2025: purge after confirmation): confirmed dossiers whose last history entry is
 * older than `retentionDays`, with their history, outbox row, draft and attachments; and kiosk
 * drafts abandoned for 24 hours. Rows go in one transaction with one audit entry (counts only);
 * files go after the commit, and only those no remaining draft uses.
 */
export class Retention {
  constructor(private readonly deps: RetentionDeps) {}

  purge(now: Date = this.deps.now()): PurgeResult {
    const { db } = this.deps;
    const retentionDays = this.deps.retentionDays();
    const dossierCutoff = new Date(now.getTime() - retentionDays * dayMs).toISOString();
    const kioskCutoff = new Date(now.getTime() - kioskDraftMaxAgeMs).toISOString();
    const states = confirmedStates.map(() => '?').join(', ');

    const purged = db.transaction(() => {
      const expired = db
        .prepare<unknown[], { id: string; draft_id: string }>(
          `SELECT d.id, d.draft_id FROM dossiers d
           WHERE d.state IN (${states})
             AND (SELECT h.at FROM dossier_history h WHERE h.dossier_id = d.id ORDER BY h.id DESC LIMIT 1) < ?`,
        )
        .all(...confirmedStates, dossierCutoff);
      const abandoned = db
        .prepare<[string], { id: string }>("SELECT id FROM drafts WHERE mode = 'kiosk' AND status = 'open' AND updated_at < ?")
        .all(kioskCutoff)
        .map((r) => r.id);

      const attachmentsOf = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM draft_attachments WHERE draft_id = ?');
      const deleteAttachments = db.prepare('DELETE FROM draft_attachments WHERE draft_id = ?');
      const deleteDraft = db.prepare('DELETE FROM drafts WHERE id = ?');
      const touched = new Set<string>();
      const dropDraft = (draftId: string) => {
        for (const { sha256 } of attachmentsOf.all(draftId)) touched.add(sha256);
        deleteAttachments.run(draftId);
        deleteDraft.run(draftId);
      };
      for (const { id, draft_id } of expired) {
        db.prepare('DELETE FROM outbox WHERE dossier_id = ?').run(id);
        db.prepare('DELETE FROM dossier_history WHERE dossier_id = ?').run(id);
        db.prepare('DELETE FROM dossiers WHERE id = ?').run(id);
        dropDraft(draft_id);
      }
      for (const id of abandoned) dropDraft(id);
      // A file shared with a draft that stays (the same scan attached twice) stays too.
      const stillUsed = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM draft_attachments WHERE sha256 = ? LIMIT 1');
      const orphans = [...touched].filter((sha256) => !stillUsed.get(sha256));
      const counts: PurgeResult = { dossiers: expired.length, kioskDrafts: abandoned.length, files: orphans.length };
      // The audit entry commits with the deletions: no purge without its record, no record without the purge.
      if (counts.dossiers > 0 || counts.kioskDrafts > 0) {
        this.deps.audit.append({ actor: 'system', action: 'retention.purge', subjectType: 'retention', subjectId: null, details: { ...counts, retentionDays } });
      }
      return { counts, orphans };
    })();

    // After the commit: a crash here leaves an unused file behind, never a row pointing at no file.
    for (const sha256 of purged.orphans) this.deps.files.remove(sha256);
    return purged.counts;
  }
}

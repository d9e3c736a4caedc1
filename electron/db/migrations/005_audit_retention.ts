import type { Migration } from '../migration';

/**
 * The audit log (services/audit/auditLog.ts): who did what to which dossier and when, hash-chained,
 * with ids, codes, counts and states only — never personal data. Append only: the triggers stop the
 * app itself from rewriting history; someone editing the file by hand can, and `audit verify` finds it.
 */
export const auditRetentionMigration: Migration = {
  version: 5,
  name: 'audit_retention',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        subject_type TEXT,
        subject_id   TEXT,
        details_json TEXT NOT NULL,
        prev_hash    TEXT NOT NULL,
        hash         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;

      -- retention finds what to purge by the age of a dossier's last history entry
      CREATE INDEX drafts_by_mode_status_updated ON drafts (mode, status, updated_at);
    `);
  },
};

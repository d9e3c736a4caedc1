import type { Migration } from '../migration';

/**
 * Sync (docs/sync-protocol.md): the outbox learns whether a row still waits, needs a person or was
 * delivered; tus upload URLs are kept so a cut upload resumes after a crash; the status feed's cursor
 * and the last success live in sync_state.
 */
export const syncMigration: Migration = {
  version: 8,
  name: 'sync',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'needs_person', 'sent'));
      ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
      ALTER TABLE outbox ADD COLUMN sent_at TEXT;
      CREATE INDEX outbox_by_status_due ON outbox (status, next_attempt_at);

      CREATE TABLE sync_uploads (
        dossier_id TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        upload_url TEXT NOT NULL,
        PRIMARY KEY (dossier_id, sha256)
      ) STRICT;

      CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

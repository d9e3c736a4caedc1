import type { Migration } from '../migration';

/**
 * The kiosk's satisfaction ratings and its help-call configuration (services/kioskAssist/).
 *
 * A rating holds a score, an optional comment, the procedure and the time: nothing that names or
 * points to a resident (no dossier id, no draft id), so it is not personal data and is stored in
 * clear. `sent_at` stays NULL until the sync sends it (the sync is another module's work).
 */
export const kioskMigration: Migration = {
  version: 9,
  name: 'kiosk',
  up(db) {
    db.exec(`
      CREATE TABLE kiosk_ratings (
        id             TEXT PRIMARY KEY,
        score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment        TEXT,
        procedure_code TEXT,
        -- local calendar day in Vietnam time (YYYY-MM-DD), what the counter's figures group by
        day            TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        sent_at        TEXT
      ) STRICT;
      CREATE INDEX kiosk_ratings_by_day ON kiosk_ratings (day);
      CREATE INDEX kiosk_ratings_unsent ON kiosk_ratings (sent_at) WHERE sent_at IS NULL;

      CREATE TABLE kiosk_assist_config (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

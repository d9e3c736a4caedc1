import type { Migration } from '../migration';

/**
 * Drafts (what a resident or official is typing), dossiers (what was validated and queued), their
 * history, attachments, and the outbox written in the same transaction as the state change.
 * Personal data lives only in the *_json / *_enc columns and in file names, all encrypted at rest
 * (services/crypto/dataCipher.ts).
 */
export const draftsDossiersMigration: Migration = {
  version: 3,
  name: 'drafts_dossiers',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id                 TEXT PRIMARY KEY,
        procedure_code     TEXT NOT NULL,
        definition_version TEXT NOT NULL,
        mode               TEXT NOT NULL CHECK (mode IN ('counter', 'kiosk')),
        answers_json       TEXT NOT NULL,
        -- answers to questions a newer definition dropped: kept, never silently lost
        retired_json       TEXT,
        -- kiosk retrieval code: a keyed hash to find the draft, and the code itself encrypted
        retrieval_hash     TEXT UNIQUE,
        retrieval_code_enc TEXT,
        status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX drafts_by_status_updated ON drafts (status, updated_at DESC);

      CREATE TABLE draft_attachments (
        draft_id      TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        sha256        TEXT NOT NULL,
        document_kind TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        media_type    TEXT NOT NULL,
        bytes         INTEGER NOT NULL,
        attached_at   TEXT NOT NULL,
        PRIMARY KEY (draft_id, sha256)
      ) STRICT;

      CREATE TABLE dossiers (
        id                 TEXT PRIMARY KEY,
        draft_id           TEXT NOT NULL UNIQUE REFERENCES drafts (id),
        procedure_code     TEXT NOT NULL,
        procedure_name     TEXT NOT NULL,
        definition_version TEXT NOT NULL,
        dossier_code       TEXT UNIQUE,
        local_reference    TEXT NOT NULL UNIQUE,
        state              TEXT NOT NULL,
        agency_name        TEXT NOT NULL,
        agency_code        TEXT NOT NULL,
        answers_json       TEXT NOT NULL,
        attachments_json   TEXT NOT NULL,
        content_sha256     TEXT NOT NULL,
        received_at        TEXT NOT NULL,
        appointment_date   TEXT NOT NULL,
        fee_vnd            INTEGER NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dossiers_by_state ON dossiers (state, received_at DESC);

      CREATE TABLE dossier_history (
        id         INTEGER PRIMARY KEY,
        dossier_id TEXT NOT NULL REFERENCES dossiers (id),
        at         TEXT NOT NULL,
        state      TEXT NOT NULL,
        note       TEXT
      ) STRICT;
      CREATE INDEX dossier_history_by_dossier ON dossier_history (dossier_id, id);

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        dossier_id      TEXT NOT NULL UNIQUE REFERENCES dossiers (id),
        created_at      TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT
      ) STRICT;
    `);
  },
};

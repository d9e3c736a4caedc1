import type { Migration } from '../migration';

/**
 * Look-up of a resident's drafts by CCCD number without storing the number: each CCCD answer of a
 * draft is kept only as a keyed hash (HMAC, services/crypto/dataCipher.ts indexHash). Rows go with
 * their draft (retention purge), and are rewritten on every save.
 */
export const idNumberIndexMigration: Migration = {
  version: 7,
  name: 'id_number_index',
  up(db) {
    db.exec(`
      CREATE TABLE id_number_index (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        id_hash  TEXT NOT NULL,
        PRIMARY KEY (draft_id, id_hash)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX id_number_index_by_hash ON id_number_index(id_hash);
    `);
  },
};

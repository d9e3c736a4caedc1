import type { Migration } from '../migration';

/**
 * Envelope encryption of personal data: the data keys live here, each sealed by the machine's
 * key protector (Electron safeStorage in the app, a 0600 key file for the CLI and tests).
 * 'data' keys encrypt fields and files (the newest unretired one for writing; older ones for reading
 * until a rotation re-encrypts); the 'index' key makes keyed hashes for look-ups (retrieval codes).
 */
export const cryptoKeysMigration: Migration = {
  version: 4,
  name: 'crypto_keys',
  up(db) {
    db.exec(`
      CREATE TABLE crypto_keys (
        id         INTEGER PRIMARY KEY,
        purpose    TEXT NOT NULL CHECK (purpose IN ('data', 'index')),
        sealed     BLOB NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;
    `);
  },
};

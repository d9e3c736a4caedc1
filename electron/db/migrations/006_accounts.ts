import type { Migration } from '../migration';

/**
 * Officials' local accounts for counter mode (services/accounts/accountsService.ts). The PIN is kept
 * only as a scrypt hash; five wrong PINs in a row set `locked` until a supervisor unlocks the account.
 * The display name is personal data of a public servant: it stays here, never in the audit log.
 */
export const accountsMigration: Migration = {
  version: 6,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('official', 'supervisor')),
        pin_hash        TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migration';

/** One row per start of the app: tells a crash or power cut (no clean end) from a normal exit. */
export const appRunsMigration: Migration = {
  version: 2,
  name: 'app_runs',
  up(db) {
    db.exec(`
      CREATE TABLE app_runs (
        id            INTEGER PRIMARY KEY,
        started_at    TEXT NOT NULL,
        app_version   TEXT NOT NULL,
        integrity     TEXT NOT NULL,
        ended_cleanly INTEGER NOT NULL DEFAULT 0 CHECK (ended_cleanly IN (0, 1)),
        ended_at      TEXT
      ) STRICT;
    `);
  },
};

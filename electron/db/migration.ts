import type { Database } from 'better-sqlite3';

/** One forward-only step of the schema. `version` is the PRAGMA user_version it leaves behind. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { ContractError } from '../contract/errors';
import { migrate } from './migrate';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export interface OpenedDatabase {
  db: Db;
  /** 'ok', or the first problem `PRAGMA integrity_check` reported. */
  integrity: string;
  migratedFrom: number;
  schemaVersion: number;
}

/**
 * Opens (creating if needed) the app database: WAL so readers never block the writer,
 * synchronous=FULL because residents' typing must survive a power cut, foreign keys on,
 * an integrity check before anything is written, then the migrations.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = allMigrations): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // The integrity check comes first: switching a damaged file to WAL would write to it.
    const integrity = checkIntegrity(db);
    if (integrity !== 'ok') throw damaged(integrity);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten, not left in free pages where a thief of the file could read them.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const { from, to } = migrate(db, migrations);
    return { db, integrity, migratedFrom: from, schemaVersion: to };
  } catch (error) {
    db.close();
    throw error;
  }
}

function damaged(integrity: string): ContractError {
  return new ContractError({
    code: 'DB_CORRUPT',
    message_vi: 'Cơ sở dữ liệu bị hỏng. Không ghi thêm gì; hãy khôi phục từ bản sao lưu gần nhất hoặc gọi cán bộ kỹ thuật.',
    message_en: 'The database is damaged. Nothing more was written; restore the latest backup or call technical staff.',
    details: { integrity: integrity.slice(0, 500) },
  });
}

/** 'ok', or what SQLite found wrong; a file too damaged to be read at all counts as damaged too. */
function checkIntegrity(db: Db): string {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return `${code}: ${(error as Error).message}`;
    throw error;
  }
}

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

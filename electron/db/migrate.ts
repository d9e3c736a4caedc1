import type { Database } from 'better-sqlite3';
import { ContractError } from '../contract/errors';
import type { Migration } from './migration';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the newest migration, each step in its own transaction with its
 * user_version, so a crash mid-upgrade leaves the database at the last complete step.
 * A database written by a newer version of the app is refused, never "downgraded".
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new ContractError({
      code: 'DB_FROM_FUTURE',
      message_vi: `Cơ sở dữ liệu do phiên bản mới hơn của ứng dụng tạo ra (lược đồ ${from}, phiên bản này chỉ hiểu đến ${latest}). Hãy cài phiên bản mới nhất; dữ liệu được giữ nguyên.`,
      message_en: `The database was written by a newer version of the app (schema ${from}, this version knows up to ${latest}). Install the latest version; the data was left untouched.`,
      details: { found: from, supported: latest },
    });
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}

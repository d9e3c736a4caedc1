import fs from 'node:fs';
import type { Database } from 'better-sqlite3';

/**
 * Online backup (SQLite's backup API: the app keeps working meanwhile) into a temporary file
 * that is renamed into place only when complete, so a half-written backup never exists.
 */
export async function backupDatabase(db: Database, destination: string): Promise<{ file: string; bytes: number }> {
  const partial = `${destination}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, destination);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file: destination, bytes: fs.statSync(destination).size };
}

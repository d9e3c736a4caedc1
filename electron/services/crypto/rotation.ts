import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DataCipher } from './dataCipher';

/** Every column that holds encrypted text: table, key column, value column. */
const encryptedColumns: readonly [string, string, string][] = [
  ['drafts', 'id', 'answers_json'],
  ['drafts', 'id', 'retired_json'],
  ['drafts', 'id', 'retrieval_code_enc'],
  ['draft_attachments', 'rowid', 'file_name'],
  ['dossiers', 'id', 'answers_json'],
  ['dossiers', 'id', 'attachments_json'],
  ['kiosk_ratings', 'id', 'comment'],
];

/**
 * Key rotation: a new data key, every encrypted value and file re-encrypted under it, then the old
 * keys destroyed. The rows change in one transaction; each file is replaced atomically; the old keys
 * are kept until the end, so a crash half-way leaves everything readable and a second run finishes.
 */
export function rotateDataKey(db: Database, cipher: DataCipher, filesRoot: string): { keyId: number; values: number; files: number } {
  const { oldIds, newId } = cipher.startRotation();
  let values = 0;
  db.transaction(() => {
    for (const [table, key, column] of encryptedColumns) {
      const rows = db.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as { k: string | number; v: string }[];
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
      for (const row of rows) {
        if (cipher.keyIdOfText(row.v) === newId) continue;
        update.run(cipher.encryptText(cipher.decryptText(row.v)), row.k);
        values += 1;
      }
    }
  })();
  let files = 0;
  if (fs.existsSync(filesRoot)) {
    for (const entry of fs.readdirSync(filesRoot, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stored = fs.readFileSync(file);
      if (stored.readUInt32BE(4) === newId) continue;
      const temp = `${file}.rotate.tmp`;
      const fd = fs.openSync(temp, 'w', 0o600);
      try {
        fs.writeSync(fd, cipher.encryptBytes(cipher.decryptBytes(stored)));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
      files += 1;
    }
  }
  cipher.retire(oldIds);
  return { keyId: newId, values, files };
}
